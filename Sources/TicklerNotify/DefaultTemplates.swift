/// The default mustache templates of each language: a mail's subject and body, for one event and for a digest.
///
/// They name the obligation, its due time in its zone, the lead, the partner and the command that acknowledges it.
enum DefaultTemplates {
    /// The subject of one event's mail.
    static func subject(_ language: MessageLanguage) -> String {
        switch language {
        case .english:
            "{{#isReminder}}Reminder ({{lead}} ahead): {{title}}, due {{dueText}}{{/isReminder}}"
                + "{{#isDue}}Due now: {{title}}{{/isDue}}"
                + "{{#isOverdue}}Overdue: {{title}}, due {{dueText}}{{/isOverdue}}"
                + "{{#isEscalated}}Escalated: {{title}}, due {{dueText}}{{/isEscalated}}"
        case .vietnamese:
            "{{#isReminder}}Nhắc việc (trước {{lead}}): {{title}}, hạn {{dueText}}{{/isReminder}}"
                + "{{#isDue}}Đến hạn: {{title}}{{/isDue}}"
                + "{{#isOverdue}}Quá hạn: {{title}}, hạn {{dueText}}{{/isOverdue}}"
                + "{{#isEscalated}}Cần xử lý gấp: {{title}}, hạn {{dueText}}{{/isEscalated}}"
        }
    }

    /// The body of one event's mail.
    static func body(_ language: MessageLanguage) -> String {
        switch language {
        case .english:
            """
            {{message}}

            Obligation: {{title}} ({{obligation}})
            {{#partner}}Partner:    {{partner}}
            {{/partner}}Due:        {{dueText}}
            {{#lead}}Reminder:   {{lead}} ahead
            {{/lead}}
            When it is done, acknowledge it:

                {{ack}}

            -- 
            tickler-notify, channel {{channel}}

            """
        case .vietnamese:
            """
            {{#isReminder}}Sắp đến hạn (nhắc trước {{lead}}): {{title}}{{/isReminder}}{{#isDue}}Đến hạn hôm nay: {{title}}{{/isDue}}{{#isOverdue}}Đã quá hạn: {{title}}{{/isOverdue}}{{#isEscalated}}Cần xử lý gấp: {{title}}{{/isEscalated}}

            Nghĩa vụ:   {{title}} ({{obligation}})
            {{#partner}}Đối tác:    {{partner}}
            {{/partner}}Hạn:        {{dueText}}

            Khi đã hoàn thành, hãy xác nhận bằng lệnh:

                {{ack}}

            -- 
            tickler-notify, kênh {{channel}}

            """
        }
    }

    /// The subject of a digest.
    static func digestSubject(_ language: MessageLanguage) -> String {
        switch language {
        case .english: "{{count}} reminders from Tickler"
        case .vietnamese: "{{count}} lời nhắc từ Tickler"
        }
    }

    /// The body of a digest: one item per event.
    static func digestBody(_ language: MessageLanguage) -> String {
        switch language {
        case .english:
            """
            {{count}} reminders arrived together:

            {{#events}}
            * {{message}}
              Obligation: {{title}} ({{obligation}}){{#partner}}, partner {{partner}}{{/partner}}
              Acknowledge: {{ack}}

            {{/events}}
            -- 
            tickler-notify, channel {{channel}}

            """
        case .vietnamese:
            """
            {{count}} lời nhắc đến cùng lúc:

            {{#events}}
            * {{#isReminder}}Sắp đến hạn (trước {{lead}}){{/isReminder}}{{#isDue}}Đến hạn{{/isDue}}{{#isOverdue}}Đã quá hạn{{/isOverdue}}{{#isEscalated}}Cần xử lý gấp{{/isEscalated}}: {{title}}, hạn {{dueText}}
              Nghĩa vụ: {{obligation}}{{#partner}}, đối tác {{partner}}{{/partner}}
              Xác nhận: {{ack}}

            {{/events}}
            -- 
            tickler-notify, kênh {{channel}}

            """
        }
    }
}
