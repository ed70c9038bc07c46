import Foundation
import Testing

@testable import TicklerControl

/// The pager is chosen and set up as systemd 252's tools choose theirs.
@Suite("The pager")
struct PagerTests {
    static let less = ["LESS": "FRSXMK", "LESSCHARSET": "utf-8"]

    @Test(
        arguments: [
            // Not a terminal, a dumb one, or a pager turned off: none.
            ([:], false, false, nil),
            (["TERM": "dumb"], true, false, nil),
            (["SYSTEMD_PAGER": ""], true, false, nil),
            (["PAGER": "cat"], true, false, nil),
            (["SYSTEMD_PAGER": "cat", "PAGER": "most"], true, false, nil),
            // Debian's `pager`, then less, then more.
            ([:], true, false, Pager.Launch(candidates: [["pager"], ["less"], ["more"]], environment: less)),
            (
                ["PAGER": "most -s"], true, false,
                Pager.Launch(
                    candidates: [["/bin/sh", "-c", "most -s"], ["pager"], ["less"], ["more"]],
                    environment: less
                )
            ),
            (
                ["SYSTEMD_PAGER": "less -S", "PAGER": "most"], true, false,
                Pager.Launch(
                    candidates: [["/bin/sh", "-c", "less -S"], ["pager"], ["less"], ["more"]],
                    environment: less
                )
            ),
            (
                ["SYSTEMD_LESS": "FRX", "SYSTEMD_LESSCHARSET": "latin1"], true, false,
                Pager.Launch(
                    candidates: [["pager"], ["less"], ["more"]],
                    environment: ["LESS": "FRX", "LESSCHARSET": "latin1"]
                )
            ),
            // Through sudo: secure mode, less only, $PAGER ignored — unless $SYSTEMD_PAGERSECURE says otherwise.
            (
                ["PAGER": "most"], true, true,
                Pager.Launch(candidates: [["less"]], environment: less.merging(["LESSSECURE": "1"]) { $1 })
            ),
            (
                ["PAGER": "most", "SYSTEMD_PAGERSECURE": "no"], true, true,
                Pager.Launch(
                    candidates: [["/bin/sh", "-c", "most"], ["pager"], ["less"], ["more"]],
                    environment: less
                )
            ),
            (
                ["PAGER": "most", "SYSTEMD_PAGERSECURE": "1"], true, false,
                Pager.Launch(
                    candidates: [["/bin/sh", "-c", "most"], ["less"]],
                    environment: less.merging(["LESSSECURE": "1"]) { $1 }
                )
            ),
        ] as [([String: String], Bool, Bool, Pager.Launch?)]
    )
    func launch(environment: [String: String], isTerminal: Bool, elevated: Bool, expected: Pager.Launch?) {
        #expect(Pager.launch(environment: environment, isTerminal: isTerminal, elevated: elevated) == expected)
    }
}
