"""A WatchEvents reader with the official Python gRPC runtime (grpcio, protobuf at
their default limits), generated from the gateway's protos as any user would.

Reads COUNT events from the oldest, then resumes after the first one and reads the
rest again; prints one JSON line per event and exits non-zero on any gRPC error.

    python3 watch_events.py --target 127.0.0.1:50051 --protos proto --count 4
"""

import argparse
import json
import os
import sys
import tempfile

from grpc_tools import protoc
import grpc


def generate(protos: str, out: str) -> None:
    """Compiles the gateway's protos into Python modules under `out`."""
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    files = [
        os.path.join(root, name)
        for root, _, names in os.walk(protos)
        for name in names
        if name.endswith(".proto")
    ]
    args = ["protoc", f"-I{protos}", f"-I{include}", f"--python_out={out}", f"--grpc_python_out={out}"]
    if protoc.main(args + files) != 0:
        sys.exit("protoc failed")


def depth(value) -> int:
    """Levels of JSON objects in a google.protobuf.Struct/Value tree."""
    from google.protobuf import struct_pb2

    if isinstance(value, struct_pb2.Struct):
        return 1 + max((depth(v) for v in value.fields.values()), default=0)
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return depth(value.struct_value)
    if kind == "list_value":
        return max((depth(v) for v in value.list_value.values), default=0)
    return 0


def read(stub, pb, request, count: int, label: str) -> list:
    events = []
    try:
        for event in stub.WatchEvents(request, timeout=15):
            has_body = event.HasField("body")
            line = {
                "read": label,
                "uuid": event.uuid,
                "offset": event.offset,
                "hasBody": has_body,
                "bodyDepth": depth(event.body) if has_body else 0,
            }
            print(json.dumps(line), flush=True)
            events.append(event)
            if len(events) == count:
                break
    except grpc.RpcError as e:
        print(json.dumps({"read": label, "error": e.code().name, "details": e.details()}), flush=True)
        sys.exit(1)
    return events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--protos", required=True)
    parser.add_argument("--count", type=int, required=True)
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="rcgw-py-")
    generate(args.protos, out)
    sys.path.insert(0, out)
    from rcgateway.v1 import events_pb2 as pb
    from rcgateway.v1 import events_pb2_grpc as rpc

    with grpc.insecure_channel(args.target) as channel:
        stub = rpc.EventServiceStub(channel)
        oldest = pb.WatchEventsRequest(start=pb.START_POSITION_OLDEST)
        events = read(stub, pb, oldest, args.count, "oldest")
        resume = pb.WatchEventsRequest(after_offset=events[0].offset)
        read(stub, pb, resume, args.count - 1, "resumed")


if __name__ == "__main__":
    main()
