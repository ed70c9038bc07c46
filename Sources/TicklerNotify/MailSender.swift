/// Delivers a channel's messages as mail through sendmail(8): `sendmail -i -- ADDRESS…` with the message on standard
/// input.
struct MailSender: Sendable {
    /// The settings of the channel.
    let settings: MailSettings

    /// Sends `message`; sysexits(3) codes of sendmail decide whether a failure is permanent (a bad address) or not.
    func send(_ message: MailMessage) async -> DeliveryOutcome {
        await ProgramRunner.run(
            [settings.sendmail, "-i", "--"] + settings.to,
            input: message.text,
            environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"]
        )
    }
}
