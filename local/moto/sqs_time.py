"""Opt-in: SQS's message timers and visibility timeouts run faster (option sqsTimeScale).

A recheck message waits five minutes (DelaySeconds 300) and a returned fan-out message a whole
visibility timeout before SQS hands it out again; a test or the bench's fan-out simulator cannot
wait that long. With sqsTimeScale 0.01 moto waits 3 s and 3.6 s instead: the same order of events,
a hundredth of the time. Every answer is unchanged (a message's DelaySeconds, the queue's
VisibilityTimeout attribute); only the moment moto next hands the message out moves.
Default 1.0 (real time).
"""
from moto.sqs.models import Message

import options

_moto_delay = Message.delay
_moto_change_visibility = Message.change_visibility


def _scaled(seconds):
    return float(seconds) * options.get("sqsTimeScale")


def _delay(self, delay_seconds):
    # moto keeps milliseconds as ints; scale, then let moto do its own arithmetic in ms.
    _moto_delay(self, 0)
    self.delayed_until += int(_scaled(delay_seconds) * 1000)


def _change_visibility(self, visibility_timeout):
    _moto_change_visibility(self, 0)
    self.visible_at += int(_scaled(visibility_timeout) * 1000)


def apply():
    Message.delay = _delay
    Message.change_visibility = _change_visibility
