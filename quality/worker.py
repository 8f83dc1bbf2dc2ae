"""The Great Expectations worker: `python -m quality.worker`, started by `quality.runner.start_worker()`.

It imports great_expectations as soon as it starts (the import takes seconds), then validates one request after
another: each request and reply is a pickle preceded by its length (8 bytes, big-endian) on the worker's
stdin / original stdout. Anything GX prints goes to stderr, so the reply channel stays clean.

A plain subprocess, not multiprocessing: a spawned multiprocessing child re-imports the parent's `__main__`,
which in a user's script without an `if __name__ == "__main__"` guard would start a second pipeline run.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from typing import BinaryIO

_HEADER = 8


def write_message(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "big"))
    stream.write(data)
    stream.flush()


def read_message(stream: BinaryIO) -> object:
    """The next message, or EOFError when the other side has closed the stream."""
    header = stream.read(_HEADER)
    if len(header) < _HEADER:
        raise EOFError("the stream closed")
    size = int.from_bytes(header, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the stream closed in the middle of a message")
    return pickle.loads(data)  # noqa: S301 - our own parent process on a private pipe


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    from quality import runner

    runner.import_gx()
    while True:
        try:
            suite_name, frame, expectations = read_message(requests)
        except EOFError:
            return
        try:
            reply = ("ok", runner.validate_here(suite_name, frame, expectations))
        except Exception:  # noqa: BLE001 - the parent raises it with the traceback
            reply = ("error", traceback.format_exc())
        write_message(replies, reply)


def main() -> None:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # prints from GX or pandas go to stderr
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    main()
