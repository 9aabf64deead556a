#!/usr/bin/env python3
"""Checks that scripts/sqs_server.py behaves like SQS where Herald and its tests depend on it, through boto3 and raw
awsJson1_0 requests shaped like Herald's: visibility timeouts, receipt handles, redrive to a dead-letter queue, long
polling, errors, and speed with 10,000 messages.
  python3 scripts/sqs_server_selftest.py [PORT]      (starts the server on 127.0.0.1:PORT, default 57590)
"""
import json
import os
import subprocess
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

import boto3
import botocore.exceptions

PORT = int(sys.argv.pop(1)) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 57590
ENDPOINT = f"http://127.0.0.1:{PORT}"


def raw(operation, body):
    """One request as Herald's AWSClient sends it (minus the signature): returns (status, headers, JSON)."""
    request = urllib.request.Request(ENDPOINT + "/", data=json.dumps(body).encode(), method="POST", headers={
        "X-Amz-Target": f"AmazonSQS.{operation}", "Content-Type": "application/x-amz-json-1.0",
        "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20261122/eu-west-2/sqs/aws4_request, SignedHeaders=host, Signature=00"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read())


class SQSServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        here = os.path.dirname(os.path.abspath(__file__))
        cls.server = subprocess.Popen([sys.executable, os.path.join(here, "sqs_server.py"), "--port", str(PORT)], stdout=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen(ENDPOINT, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        cls.sqs = boto3.client("sqs", endpoint_url=ENDPOINT, region_name="eu-west-2", aws_access_key_id="testing", aws_secret_access_key="testing")

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait()

    def queue(self, name, **attributes):
        return self.sqs.create_queue(QueueName=f"{name}-{time.monotonic_ns()}", Attributes={k: str(v) for k, v in attributes.items()})["QueueUrl"]

    def receive(self, url, **options):
        return self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageSystemAttributeNames=["All"], **options).get("Messages", [])

    def counts(self, url):
        a = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        return int(a["ApproximateNumberOfMessages"]), int(a["ApproximateNumberOfMessagesNotVisible"])

    def test_visibility_timeout_redelivers_with_a_new_handle_and_count(self):
        url = self.queue("vis")
        self.sqs.send_message(QueueUrl=url, MessageBody="hello")
        first = self.receive(url, VisibilityTimeout=1)
        self.assertEqual([m["Body"] for m in first], ["hello"])
        self.assertEqual(first[0]["Attributes"]["ApproximateReceiveCount"], "1")
        self.assertEqual(self.receive(url), [])
        self.assertEqual(self.counts(url), (0, 1))
        time.sleep(1.1)
        self.assertEqual(self.counts(url), (1, 0))
        second = self.receive(url, VisibilityTimeout=30)
        self.assertEqual(second[0]["MessageId"], first[0]["MessageId"])
        self.assertEqual(second[0]["Attributes"]["ApproximateReceiveCount"], "2")
        self.assertNotEqual(second[0]["ReceiptHandle"], first[0]["ReceiptHandle"])

    def test_delete_needs_the_latest_handle(self):
        url = self.queue("del")
        self.sqs.send_message(QueueUrl=url, MessageBody="x")
        old = self.receive(url, VisibilityTimeout=0)[0]["ReceiptHandle"]
        new = self.receive(url, VisibilityTimeout=30)[0]["ReceiptHandle"]
        self.sqs.delete_message(QueueUrl=url, ReceiptHandle=old)  # accepted, deletes nothing
        self.assertEqual(self.counts(url), (0, 1))
        result = self.sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": "a", "ReceiptHandle": new}, {"Id": "b", "ReceiptHandle": "garbage"}])
        self.assertEqual([e["Id"] for e in result["Successful"]], ["a"])
        self.assertEqual([(e["Id"], e["Code"], e["SenderFault"]) for e in result["Failed"]], [("b", "ReceiptHandleIsInvalid", True)])
        self.assertEqual(self.counts(url), (0, 0))
        self.sqs.delete_message(QueueUrl=url, ReceiptHandle=new)  # deleting twice is fine
        with self.assertRaises(botocore.exceptions.ClientError):  # a deleted message's visibility cannot change
            self.sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=new, VisibilityTimeout=5)

    def test_change_visibility(self):
        url = self.queue("chg", VisibilityTimeout=1)
        self.sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": str(i)} for i in range(2)])
        a, b = self.receive(url)
        result = self.sqs.change_message_visibility_batch(QueueUrl=url, Entries=[
            {"Id": "a", "ReceiptHandle": a["ReceiptHandle"], "VisibilityTimeout": 30},
            {"Id": "b", "ReceiptHandle": b["ReceiptHandle"], "VisibilityTimeout": 0}])
        self.assertEqual(sorted(e["Id"] for e in result["Successful"]), ["a", "b"])
        self.assertEqual([m["Body"] for m in self.receive(url, VisibilityTimeout=30)], [b["Body"]])
        time.sleep(1.2)  # the queue's default timeout (1 s) would have revealed `a`; the extension keeps it hidden
        self.assertEqual(self.receive(url), [])
        self.assertEqual(self.counts(url), (0, 2))

    def test_redrive_to_the_dead_letter_queue_after_max_receive_count(self):
        dlq = self.queue("dlq")
        arn = self.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.assertRegex(arn, r"^arn:aws:sqs:eu-west-2:123456789012:dlq-")
        url = self.queue("src", RedrivePolicy=json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "2"}))
        sent = self.sqs.send_message(QueueUrl=url, MessageBody="poison")["MessageId"]
        self.assertEqual(len(self.receive(url, VisibilityTimeout=0)), 1)
        self.assertEqual(len(self.receive(url, VisibilityTimeout=0)), 1)
        self.assertEqual(self.receive(url, VisibilityTimeout=0), [])  # a third receive would exceed maxReceiveCount
        self.assertEqual(self.counts(url), (0, 0))
        dead = self.receive(dlq)
        self.assertEqual([(m["MessageId"], m["Body"]) for m in dead], [(sent, "poison")])

    def test_long_poll_wakes_on_send_and_on_visibility_expiry(self):
        url = self.queue("poll")
        threading.Timer(0.5, lambda: self.sqs.send_message(QueueUrl=url, MessageBody="late")).start()
        start = time.monotonic()
        got = self.receive(url, WaitTimeSeconds=10, VisibilityTimeout=1)
        self.assertEqual([m["Body"] for m in got], ["late"])
        self.assertLess(time.monotonic() - start, 1.5)
        start = time.monotonic()
        again = self.receive(url, WaitTimeSeconds=10)  # `late` reappears after its 1 s timeout
        self.assertEqual([m["Body"] for m in again], ["late"])
        self.assertLess(time.monotonic() - start, 1.6)
        start = time.monotonic()
        self.assertEqual(self.receive(self.queue("empty"), WaitTimeSeconds=1), [])
        self.assertGreaterEqual(time.monotonic() - start, 0.95)

    def test_herald_shaped_requests_and_errors(self):
        url = self.queue("raw")
        status, _, sent = raw("SendMessage", {"QueueUrl": url, "MessageBody": "{}", "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "test"}}})
        self.assertEqual(sent["MD5OfMessageAttributes"], "b208efaf010247370cb046e6adfb8858")  # as SQS (moto) answered in aws/captures
        self.assertEqual(sent["MD5OfMessageBody"], "99914b932bd37a50b983c5e7c90ae93b")
        status, _, answer = raw("ReceiveMessage", {"QueueUrl": url, "MaxNumberOfMessages": 10, "WaitTimeSeconds": 20, "VisibilityTimeout": 60, "MessageSystemAttributeNames": ["All"]})
        (message,) = answer["Messages"]
        self.assertEqual(set(message["Attributes"]), {"SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp"})
        self.assertNotIn("MessageAttributes", message)  # not asked for
        status, _, answer = raw("DeleteMessageBatch", {"QueueUrl": url, "Entries": [{"Id": "0", "ReceiptHandle": message["ReceiptHandle"]}]})
        self.assertEqual((status, answer), (200, {"Successful": [{"Id": "0"}], "Failed": []}))
        status, headers, answer = raw("GetQueueUrl", {"QueueName": "does-not-exist"})
        self.assertEqual((status, answer["__type"]), (400, "com.amazonaws.sqs#QueueDoesNotExist"))
        self.assertEqual(headers["x-amzn-query-error"], "AWS.SimpleQueueService.NonExistentQueue;Sender")
        status, _, answer = raw("Frobnicate", {})
        self.assertEqual((status, answer["__type"]), (400, "com.amazonaws.sqs#UnknownOperationException"))
        self.assertEqual(raw("ReceiveMessage", {"QueueUrl": url, "MaxNumberOfMessages": 11})[2]["__type"], "com.amazonaws.sqs#InvalidParameterValue")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sqs.get_queue_url(QueueName="does-not-exist")
        self.assertIn(caught.exception.response["Error"]["Code"], ("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"))
        name = url.rsplit("/", 1)[1]
        self.assertEqual(self.sqs.create_queue(QueueName=name)["QueueUrl"], url)  # idempotent
        with self.assertRaises(botocore.exceptions.ClientError):
            self.sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "7"})
        self.sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "7"})
        self.assertEqual(self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])["Attributes"], {"VisibilityTimeout": "7"})

    def test_ten_thousand_messages_are_fast(self):
        url = self.queue("bulk")
        start = time.monotonic()
        for i in range(0, 10000, 10):
            self.sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": str(j), "MessageBody": f"m{i + j}"} for j in range(10)])
        sent = time.monotonic() - start
        self.assertEqual(self.counts(url), (10000, 0))
        start, seen = time.monotonic(), set()
        while messages := self.receive(url, VisibilityTimeout=60):
            seen.update(m["Body"] for m in messages)
            self.sqs.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(j), "ReceiptHandle": m["ReceiptHandle"]} for j, m in enumerate(messages)])
        drained = time.monotonic() - start
        self.assertEqual(len(seen), 10000)
        self.assertEqual(self.counts(url), (0, 0))
        print(f"\n10,000 messages: sent in {sent:.1f} s (1,000 SendMessageBatch), received and deleted in {drained:.1f} s", file=sys.stderr)
        self.assertLess(sent + drained, 60)


if __name__ == "__main__":
    unittest.main(verbosity=2)
