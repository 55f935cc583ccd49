"""A scripted flow with RingCentral's official Python SDK (`ringcentral` on PyPI),
unmodified, against any RingCentral server URL: the sandbox directly, or the gateway's
RingCentral-compatible endpoint.

JWT login, a page and its next page by the answer's navigation, a read, a create and
an update, an IVR prompt uploaded with the SDK's multipart builder and its audio
downloaded back byte for byte, a WebHook subscription (the validation handshake, then a
notification the sandbox delivers when `--sandbox` is given), a refresh, and a logout
after which the old token is refused. Prints one JSON object with what it saw; exits
non-zero on any unexpected answer.

    python3 sdk_flow.py --server http://127.0.0.1:8080 --client-id ID --client-secret S --jwt J \
        --sandbox http://127.0.0.1:9090
"""

import argparse
import http.server
import json
import sys
import threading
import time
import urllib.request
import uuid

from ringcentral import SDK


def check(condition, what):
    if not condition:
        sys.exit(f"unexpected: {what}")


class Hook(http.server.BaseHTTPRequestHandler):
    """A WebHook address: answers the validation handshake, keeps notifications."""

    received = []

    def do_POST(self):
        token = self.headers.get("Validation-Token")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        if token:
            self.send_header("Validation-Token", token)
        self.end_headers()
        if not token and body:
            Hook.received.append(json.loads(body))

    def log_message(self, *args):
        pass


def subscribe(platform, sandbox: str, extension_id: str) -> dict:
    """A WebHook subscription to the extension's presence, and one delivered event."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/hook"
    subscription = platform.post(
        "/restapi/v1.0/subscription",
        {
            "eventFilters": ["/restapi/v1.0/account/~/extension/~/presence"],
            "deliveryMode": {"transportType": "WebHook", "address": address},
            "expiresIn": 600,
        },
    ).json_dict()
    check(subscription["status"] == "Active", f"subscription: {subscription}")
    change = json.dumps({"dndStatus": "DoNotAcceptAnyCalls"}).encode()
    request = urllib.request.Request(
        f"{sandbox}/_sandbox/presence/{extension_id}",
        data=change,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=10).read()
    deadline = time.time() + 10
    while not Hook.received and time.time() < deadline:
        time.sleep(0.05)
    check(Hook.received, "a notification within 10 s")
    event = Hook.received[0]
    check(event["subscriptionId"] == subscription["id"], f"notification: {event}")
    check(event["body"]["dndStatus"] == "DoNotAcceptAnyCalls", f"notification: {event}")
    platform.delete(f"/restapi/v1.0/subscription/{subscription['id']}")
    server.shutdown()
    return {"subscription_id": subscription["id"], "event": event["event"]}


def fake_mp3() -> bytes:
    """A few KB of audio-like bytes with CR LF runs and `--` sequences in them."""
    audio = bytearray(b"ID3\x04\x00\x00\x00\x00\x00\x00")
    for round_ in range(12):
        audio += bytes((b * 37 + round_) % 256 for b in range(256))
        audio += b"\r\n--\r\n\r\n----boundary-like--\r\n"
    return bytes(audio)


def ivr_prompt(sdk, platform) -> dict:
    """An IVR prompt uploaded as multipart/form-data, its audio read back, deleted.

    The SDK's multipart support is its builder (`platform.post` takes no files): the
    body goes as a `json` part (request.json, application/json), the file as
    `attachment`.
    """
    audio = fake_mp3()
    builder = sdk.create_multipart_builder()
    builder.set_body({"name": "Python SDK prompt"})
    builder.add(("python-prompt.mp3", audio, "audio/mpeg"))
    request = builder.request("/restapi/v1.0/account/~/ivr-prompts")
    prompt = platform.send_request(request).json_dict()
    check(prompt["filename"] == "Python SDK prompt", f"prompt: {prompt}")
    check(prompt["contentType"] == "audio/mpeg", f"prompt: {prompt}")
    content = platform.get(prompt["contentUri"])
    content_type = content.response().headers.get("Content-Type")
    check(content_type == "audio/mpeg", f"prompt content type: {content_type}")
    check(content.body() == audio, f"prompt audio: {len(content.body())} bytes, sent {len(audio)}")
    platform.delete(f"/restapi/v1.0/account/~/ivr-prompts/{prompt['id']}")
    try:
        platform.get(f"/restapi/v1.0/account/~/ivr-prompts/{prompt['id']}")
        sys.exit("unexpected: the deleted prompt is still there")
    except Exception as e:
        response = e.api_response() if hasattr(e, "api_response") else None
        status = getattr(response.raw(), "status", None) if response is not None else None
        check(status == 404, f"404 after delete, got {status}: {e}")
    return {"id": prompt["id"], "content_uri": prompt["contentUri"], "bytes": len(audio)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--jwt", required=True)
    parser.add_argument("--sandbox", help="the sandbox's base URL, to make it send an event")
    args = parser.parse_args()

    sdk = SDK(args.client_id, args.client_secret, args.server)
    platform = sdk.platform()
    platform.login(jwt=args.jwt)
    seen = {"token_type": platform.auth().data()["token_type"]}

    page = platform.get("/restapi/v1.0/account/~/extension", {"perPage": 2}).json_dict()
    check(len(page["records"]) == 2, f"a page of 2: {page}")
    next_uri = page["navigation"]["nextPage"]["uri"]
    seen["next_page_uri"] = next_uri
    second = platform.get(next_uri).json_dict()
    check(second["paging"]["page"] == 2, f"page 2: {second['paging']}")

    me = platform.get("/restapi/v1.0/account/~/extension/~").json_dict()
    seen["me_uri"] = me["uri"]

    email = f"sdk-{uuid.uuid4().hex[:8]}@example.com"
    created = platform.post(
        "/restapi/v1.0/account/~/extension",
        {"contact": {"firstName": "Ada", "lastName": "Lovelace", "email": email}, "type": "User"},
    ).json_dict()
    check(created["contact"]["email"] == email, f"created: {created}")
    updated = platform.put(
        f"/restapi/v1.0/account/~/extension/{created['id']}",
        {"contact": {"jobTitle": "Analyst"}},
    ).json_dict()
    check(updated["contact"]["jobTitle"] == "Analyst", f"updated: {updated}")
    read = platform.get(f"/restapi/v1.0/account/~/extension/{created['id']}").json_dict()
    check(read["contact"]["jobTitle"] == "Analyst", f"read after update: {read}")
    seen["created_id"] = str(created["id"])

    seen["ivr_prompt"] = ivr_prompt(sdk, platform)

    if args.sandbox:
        seen["webhook"] = subscribe(platform, args.sandbox, str(me["id"]))

    old = platform.auth().access_token()
    platform.refresh()
    check(platform.auth().access_token() != old, "a new access token after refresh")
    platform.get("/restapi/v1.0/account/~/extension/~")

    token = platform.auth().access_token()
    platform.logout()
    # The logged-out token, sent as the SDK sends tokens: refused with 401.
    again = SDK(args.client_id, args.client_secret, args.server).platform()
    again.auth().set_data({"access_token": token, "token_type": "bearer", "expires_in": 3600,
                           "refresh_token": "x", "refresh_token_expires_in": 3600})
    try:
        again.get("/restapi/v1.0/account/~/extension/~")
        sys.exit("unexpected: the revoked token still works")
    except Exception as e:  # the SDK raises its ApiException with the response
        response = e.api_response() if hasattr(e, "api_response") else None
        status = getattr(response.raw(), "status", None) if response is not None else None
        check(status == 401, f"401 after logout, got {status}: {e}")
        seen["after_logout"] = status
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
