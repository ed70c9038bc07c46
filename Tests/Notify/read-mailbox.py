#!/usr/bin/env python3
"""Prints, as JSON, the message of a local mailbox (mbox) whose Message-ID is argv[2], decoded by Python's own
email package: {"subject", "from", "to", "message_id", "content_type", "body"}; {} when it is not there (yet)."""
import email.header
import json
import mailbox
import sys


def text(value):
    return str(email.header.make_header(email.header.decode_header(value))) if value else None


def main():
    path, wanted = sys.argv[1], sys.argv[2]
    try:
        box = mailbox.mbox(path, create=False)
        messages = list(box)
    except (FileNotFoundError, mailbox.NoSuchMailboxError):
        messages = []
    for message in messages:
        if message.get("Message-ID") == wanted:
            body = message.get_payload(decode=True).decode(message.get_content_charset() or "ascii")
            print(json.dumps({
                "subject": text(message.get("Subject")),
                "from": text(message.get("From")),
                "to": message.get("To"),
                "message_id": message.get("Message-ID"),
                "content_type": message.get("Content-Type"),
                "body": body,
            }))
            return
    print("{}")


if __name__ == "__main__":
    main()
