"""A scripted flow with RingCentral's official Python SDK (`ringcentral` on PyPI),
unmodified, against any RingCentral server URL: the sandbox directly, or the gateway's
RingCentral-compatible endpoint.

JWT login, a page and its next page by the answer's navigation, a read, a create and
an update, a refresh, and a logout after which the old token is refused. Prints one
JSON object with what it saw; exits non-zero on any unexpected answer.

    python3 sdk_flow.py --server http://127.0.0.1:8080 --client-id ID --client-secret S --jwt J
"""

import argparse
import json
import sys
import uuid

from ringcentral import SDK


def check(condition, what):
    if not condition:
        sys.exit(f"unexpected: {what}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--jwt", required=True)
    args = parser.parse_args()

    platform = SDK(args.client_id, args.client_secret, args.server).platform()
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
