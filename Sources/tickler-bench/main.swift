// tickler-bench: benchmarks that compare Tickler's engines with references in one run.
//
//   swift run -c release tickler-bench [lunar|planner]...   (no argument: all of them)

let requested = Set(CommandLine.arguments.dropFirst())
let all = requested.isEmpty

if all || requested.contains("lunar") {
    runLunarBenchmark(iterations: 100_000)
}
if all || requested.contains("planner") {
    runPlannerBenchmark(count: 100_000)
}
