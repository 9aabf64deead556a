#!/usr/bin/env python3
"""A small Amazon SQS stand-in on loopback for Herald's tests; scripts/sqs-crash-test runs against it.

Why it exists: moto_server's SQS costs O(n) per call in the queue's length (measured: 23 ms per 10-message
SendMessageBatch on an empty queue, 150 ms at 3,000 messages, 5.5 s per ReceiveMessage at 4,000), so issue 4's
kill -9 test with 10,000 queued events cannot run on it. Here every call is O(1) or O(log n) per message: each queue
keeps a deque of visible messages and a heap of hidden ones keyed by the time they become visible again.

What it implements, as the SQS documentation describes it:
- the JSON protocol AWS SDKs speak (awsJson1_0): POST / with X-Amz-Target: AmazonSQS.<Operation>; errors are HTTP 400
  with {"__type": "com.amazonaws.sqs#<Code>", "message": ...} and the legacy code in x-amzn-query-error;
- CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, GetQueueAttributes, SetQueueAttributes, PurgeQueue,
  SendMessage(Batch), ReceiveMessage, DeleteMessage(Batch), ChangeMessageVisibility(Batch);
- visibility timeouts (queue default or per receive) and DelaySeconds; long polling (WaitTimeSeconds, or the queue's
  ReceiveMessageWaitTimeSeconds) that answers as soon as a message is visible; system attributes (SenderId,
  SentTimestamp, ApproximateReceiveCount, ApproximateFirstReceiveTimestamp), message attributes, and their MD5s;
- a new receipt handle on each receive: deleting with an older one succeeds but deletes nothing ("you must provide the
  most recently received ReceiptHandle ... otherwise, the request succeeds, but the message will not be deleted");
  changing visibility with one fails; a message's latest handle still deletes it after its visibility timeout ran out;
- RedrivePolicy: a message received maxReceiveCount times is moved to the dead-letter queue (same MessageId, body,
  attributes and SentTimestamp) by the next receive that would return it.
Not implemented: FIFO queues, retention, tags, permissions, message move tasks, the legacy query protocol. Like moto,
it checks no signature (a SigV4-signed request is accepted as an unsigned one). State lives in memory. Stdlib only.

  python3 scripts/sqs_server.py [--host 127.0.0.1] [--port 57500]      (GET / answers "ok" once it listens)
"""
import argparse
import base64
import collections
import hashlib
import heapq
import itertools
import json
import re
import struct
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCOUNT = "123456789012"
DEFAULTS = {"VisibilityTimeout": "30", "DelaySeconds": "0", "ReceiveMessageWaitTimeSeconds": "0",
            "MessageRetentionPeriod": "345600", "MaximumMessageSize": "262144"}
SYSTEM_ATTRIBUTES = ("SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp")
SEQUENCE = itertools.count()  # breaks ties in the heaps


class SQSError(Exception):
    def __init__(self, code, message, legacy=None):
        super().__init__(message)
        self.code, self.message, self.legacy = code, message, legacy or code


def no_queue():
    return SQSError("QueueDoesNotExist", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue")


def integer(request, name, default, low, high):
    value = default if request.get(name) is None else request[name]
    if not isinstance(value, int) and not (isinstance(value, str) and value.isdigit()) or not low <= int(value) <= high:
        raise SQSError("InvalidParameterValue", f"Value {value} for parameter {name} is invalid. Must be between {low} and {high}.")
    return int(value)


def md5_of_attributes(attributes):
    """The MD5 SQS reports for message attributes: each, sorted by name, as length-prefixed name, type, kind, value."""
    out = b""
    for name in sorted(attributes):
        a = attributes[name]
        binary = "BinaryValue" in a
        value = base64.b64decode(a["BinaryValue"]) if binary else a["StringValue"].encode()
        for part in (name.encode(), a["DataType"].encode()):
            out += struct.pack(">I", len(part)) + part
        out += (b"\x02" if binary else b"\x01") + struct.pack(">I", len(value)) + value
    return hashlib.md5(out).hexdigest()


class Message:
    def __init__(self, body, attributes, sent_ms, message_id=None):
        self.id = message_id or str(uuid.uuid4())
        self.body, self.attributes, self.sent_ms = body, attributes, sent_ms
        self.receive_count, self.first_receive_ms, self.handle = 0, None, None
        self.state = "ready"  # ready (visible), inflight (received, hidden) or delayed (sent with a delay, hidden)
        self.version = 0  # bumped each time it is hidden: heap entries with an older version are stale


class Queue:
    def __init__(self, name, region, attributes, now):
        self.name, self.arn = name, f"arn:aws:sqs:{region}:{ACCOUNT}:{name}"
        self.attributes, self.created = dict(DEFAULTS, **attributes), int(now)
        self.modified = self.created
        self.purge()

    def purge(self):
        self.messages = {}  # id -> Message, for every message not deleted
        self.ready = collections.deque()  # ids of visible messages, oldest first; deleted ids are skipped
        self.hidden = []  # heap of (visible again at, sequence, id, version)
        self.counts = collections.Counter()  # messages per state

    def set_state(self, m, state):
        self.counts[m.state] -= 1
        self.counts[state] += 1
        m.state = state

    def hide(self, m, seconds, state, now):
        m.version += 1
        self.set_state(m, state)
        heapq.heappush(self.hidden, (now + seconds, next(SEQUENCE), m.id, m.version))

    def add(self, m, delay, now):
        self.messages[m.id] = m
        self.counts["ready"] += 1
        if delay:
            self.hide(m, delay, "delayed", now)
        else:
            self.ready.append(m.id)

    def remove(self, m):
        del self.messages[m.id]
        self.counts[m.state] -= 1

    def reveal(self, now):
        """Makes visible every hidden message whose time has come."""
        while self.hidden and self.hidden[0][0] <= now:
            _, _, mid, version = heapq.heappop(self.hidden)
            m = self.messages.get(mid)
            if m is not None and m.version == version:
                self.set_state(m, "ready")
                self.ready.append(mid)

    def receive(self, count, visibility, now, redrive):
        self.reveal(now)
        received = []
        while self.ready and len(received) < count:
            m = self.messages.get(self.ready.popleft())
            if m is None:
                continue
            if redrive and m.receive_count >= redrive[1]:
                self.remove(m)
                redrive[0].add(Message(m.body, m.attributes, m.sent_ms, m.id), 0, now)
                continue
            m.receive_count += 1
            m.first_receive_ms = m.first_receive_ms or int(now * 1000)
            token = f"{self.name}\n{m.id}\n{uuid.uuid4().hex}"
            m.handle = base64.urlsafe_b64encode(token.encode()).decode()
            self.hide(m, visibility, "inflight", now)
            received.append(m)
        return received

    def by_handle(self, handle):
        """The message `handle` was issued for, if it is not deleted; raises ReceiptHandleIsInvalid for garbage."""
        try:
            name, mid, _ = base64.urlsafe_b64decode(handle.encode()).decode().split("\n")
        except Exception:
            name = mid = None
        if name != self.name:
            raise SQSError("ReceiptHandleIsInvalid", f'The input receipt handle "{handle}" is not a valid receipt handle.')
        return self.messages.get(mid)

    def delete(self, handle):
        m = self.by_handle(handle)
        if m is not None and m.handle == handle:  # an older receive's handle: success, nothing deleted
            self.remove(m)

    def change_visibility(self, handle, seconds, now):
        m = self.by_handle(handle)
        if m is None or m.handle != handle:
            raise SQSError("InvalidParameterValue",
                           f"Value {handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.")
        self.reveal(now)
        if m.state != "inflight":
            raise SQSError("MessageNotInflight", "The message referred to is not in flight.",
                           "AWS.SimpleQueueService.MessageNotInflight")
        self.hide(m, seconds, "inflight", now)

    def all_attributes(self, now):
        self.reveal(now)
        return dict(self.attributes, QueueArn=self.arn, CreatedTimestamp=str(self.created),
                    LastModifiedTimestamp=str(self.modified), ApproximateNumberOfMessages=str(self.counts["ready"]),
                    ApproximateNumberOfMessagesNotVisible=str(self.counts["inflight"]),
                    ApproximateNumberOfMessagesDelayed=str(self.counts["delayed"]))


class SQS:
    """The operations, one method each, named as in X-Amz-Target; every one runs holding `self.lock`."""

    def __init__(self):
        self.lock = threading.Condition()
        self.queues = {}

    def queue(self, r):
        if "QueueUrl" not in r:
            raise SQSError("MissingParameter", "The request must contain the parameter QueueUrl.")
        q = self.queues.get(r["QueueUrl"].rstrip("/").rsplit("/", 1)[-1])
        if q is None:
            raise no_queue()
        return q

    def redrive(self, q):
        policy = q.attributes.get("RedrivePolicy")
        if not policy:
            return None
        policy = json.loads(policy)
        target = self.queues.get(policy["deadLetterTargetArn"].rsplit(":", 1)[-1])
        return (target, int(policy["maxReceiveCount"])) if target else None

    def batch(self, r, act):
        entries = r.get("Entries") or []
        if not 1 <= len(entries) <= 10:
            raise SQSError("TooManyEntriesInBatchRequest" if entries else "EmptyBatchRequest", "A batch holds 1 to 10 entries.")
        if len({e["Id"] for e in entries}) != len(entries):
            raise SQSError("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.")
        successful, failed = [], []
        for e in entries:
            try:
                successful.append(dict(act(e) or {}, Id=e["Id"]))
            except SQSError as error:
                failed.append({"Id": e["Id"], "SenderFault": True, "Code": error.code, "Message": error.message})
        return {"Successful": successful, "Failed": failed}

    def CreateQueue(self, r, ctx):
        name, attributes = r.get("QueueName", ""), r.get("Attributes") or {}
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", name):
            raise SQSError("InvalidParameterValue", f"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        q = self.queues.get(name)
        if q is None:
            self.queues[name] = Queue(name, ctx["region"], attributes, ctx["now"])
        elif any(q.attributes.get(k) != v for k, v in attributes.items()):
            raise SQSError("QueueNameExists", f"A queue already exists with the same name and a different value for attribute(s)", "QueueAlreadyExists")
        return {"QueueUrl": ctx["url"](name)}

    def GetQueueUrl(self, r, ctx):
        if r.get("QueueName") not in self.queues:
            raise no_queue()
        return {"QueueUrl": ctx["url"](r["QueueName"])}

    def ListQueues(self, r, ctx):
        urls = [ctx["url"](n) for n in sorted(self.queues) if n.startswith(r.get("QueueNamePrefix", ""))]
        return {"QueueUrls": urls} if urls else {}

    def DeleteQueue(self, r, ctx):
        del self.queues[self.queue(r).name]

    def GetQueueAttributes(self, r, ctx):
        names, attributes = r.get("AttributeNames") or [], self.queue(r).all_attributes(ctx["now"])
        chosen = {k: v for k, v in attributes.items() if "All" in names or k in names}
        return {"Attributes": chosen} if chosen else {}

    def SetQueueAttributes(self, r, ctx):
        q = self.queue(r)
        for k, v in (r.get("Attributes") or {}).items():
            if v == "":
                q.attributes.pop(k, None)
            else:
                q.attributes[k] = v
        q.modified = int(ctx["now"])

    def PurgeQueue(self, r, ctx):
        self.queue(r).purge()

    def send(self, q, e, now):
        body, attributes = e.get("MessageBody") or "", e.get("MessageAttributes") or {}
        if not body or len(body.encode()) > int(q.attributes["MaximumMessageSize"]):
            raise SQSError("InvalidParameterValue", "The message body must be 1 byte to MaximumMessageSize long.")
        m = Message(body, attributes, int(now * 1000))
        q.add(m, integer(e, "DelaySeconds", q.attributes["DelaySeconds"], 0, 900), now)
        self.lock.notify_all()
        sent = {"MessageId": m.id, "MD5OfMessageBody": hashlib.md5(body.encode()).hexdigest()}
        return dict(sent, MD5OfMessageAttributes=md5_of_attributes(attributes)) if attributes else sent

    def SendMessage(self, r, ctx):
        return self.send(self.queue(r), r, ctx["now"])

    def SendMessageBatch(self, r, ctx):
        q = self.queue(r)
        return self.batch(r, lambda e: self.send(q, e, ctx["now"]))

    def ReceiveMessage(self, r, ctx):
        q, now = self.queue(r), ctx["now"]
        count = integer(r, "MaxNumberOfMessages", 1, 1, 10)
        wait = integer(r, "WaitTimeSeconds", q.attributes["ReceiveMessageWaitTimeSeconds"], 0, 20)
        visibility = integer(r, "VisibilityTimeout", q.attributes["VisibilityTimeout"], 0, 43200)
        deadline = now + wait
        while True:
            redrive = self.redrive(q)
            dead = len(redrive[0].messages) if redrive else 0
            received = q.receive(count, visibility, now, redrive)
            if redrive and len(redrive[0].messages) > dead:
                self.lock.notify_all()  # a message moved to the dead-letter queue wakes long polls there
            if received or now >= deadline or self.queues.get(q.name) is not q:
                break
            wake = min(deadline, q.hidden[0][0]) if q.hidden else deadline  # a send or visibility change wakes it too
            self.lock.wait(wake - now + 0.001)
            now = time.time()
        system = set(r.get("AttributeNames") or []) | set(r.get("MessageSystemAttributeNames") or [])
        wanted = r.get("MessageAttributeNames") or []
        messages = []
        for m in received:
            out = {"MessageId": m.id, "ReceiptHandle": m.handle, "MD5OfBody": hashlib.md5(m.body.encode()).hexdigest(), "Body": m.body}
            values = (m.sent_ms if k == "SentTimestamp" else m.receive_count if k == "ApproximateReceiveCount"
                      else m.first_receive_ms if k == "ApproximateFirstReceiveTimestamp" else "AIDAIT2UOQQY3AUEKVGXU"
                      for k in SYSTEM_ATTRIBUTES)
            attributes = {k: str(v) for k, v in zip(SYSTEM_ATTRIBUTES, values) if "All" in system or k in system}
            if attributes:
                out["Attributes"] = attributes
            chosen = {k: v for k, v in m.attributes.items()
                      if any(w in ("All", ".*") or w == k or (w.endswith(".*") and k.startswith(w[:-1])) for w in wanted)}
            if chosen:
                out.update(MessageAttributes=chosen, MD5OfMessageAttributes=md5_of_attributes(chosen))
            messages.append(out)
        return {"Messages": messages} if messages else {}

    def DeleteMessage(self, r, ctx):
        self.queue(r).delete(r.get("ReceiptHandle", ""))

    def DeleteMessageBatch(self, r, ctx):
        q = self.queue(r)
        return self.batch(r, lambda e: q.delete(e.get("ReceiptHandle", "")))

    def ChangeMessageVisibility(self, r, ctx):
        self.queue(r).change_visibility(r.get("ReceiptHandle", ""), integer(r, "VisibilityTimeout", None, 0, 43200), ctx["now"])
        self.lock.notify_all()

    def ChangeMessageVisibilityBatch(self, r, ctx):
        q = self.queue(r)
        result = self.batch(r, lambda e: q.change_visibility(e.get("ReceiptHandle", ""), integer(e, "VisibilityTimeout", None, 0, 43200), ctx["now"]))
        self.lock.notify_all()
        return result


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as SDK clients expect
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall between them

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.answer(200, b"ok")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        operation = (self.headers.get("X-Amz-Target") or "").removeprefix("AmazonSQS.")
        scope = re.search(r"Credential=[^/]+/\d+/([^/]+)/", self.headers.get("Authorization", ""))
        host = self.headers.get("Host") or f"{self.server.server_address[0]}:{self.server.server_address[1]}"
        ctx = {"region": scope.group(1) if scope else "us-east-1", "now": time.time(),
               "url": lambda name: f"http://{host}/{ACCOUNT}/{name}"}
        sqs = self.server.sqs
        try:
            action = getattr(sqs, operation, None) if operation[:1].isupper() else None
            if action is None:
                raise SQSError("UnknownOperationException", f"Unknown operation {operation or '(no X-Amz-Target)'}")
            try:
                request = json.loads(body or b"{}")
                assert isinstance(request, dict)
            except (ValueError, AssertionError):
                raise SQSError("SerializationException", "The request body is not a JSON object.")
            with sqs.lock:
                try:
                    result = action(request, ctx) or {}
                except (KeyError, TypeError, ValueError, AttributeError) as error:
                    raise SQSError("InvalidParameterValue", f"Malformed request: {error!r}")
        except SQSError as error:
            self.answer(400, {"__type": f"com.amazonaws.sqs#{error.code}", "message": error.message},
                        [("x-amzn-query-error", f"{error.legacy};Sender")])
        else:
            self.answer(200, result)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=57500)
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads, server.sqs = True, SQS()
    print(f"SQS stand-in listening on http://{args.host}:{args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
