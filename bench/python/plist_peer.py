"""The Python plistlib side of the benchmark.

Usage:
  plist_peer.py probe FILE xml|binary WARMUP ITERATIONS
      Times plistlib.loads and plistlib.dumps inside this process and prints
      {"parse": [ms, ...], "write": [ms, ...]} as JSON. The file is read before the clock starts.
  plist_peer.py roundtrip IN OUT xml|binary
      Loads IN and dumps it to OUT: the whole-process peer of `mobileconfig convert`.
  plist_peer.py read-all DIR
      Loads every file in DIR with plistlib and prints how many it read and how many payloads
      they hold: the peer of `mobileconfig inspect` over a folder of stubs.
"""

import json
import os
import plistlib
import sys
import time


def plist_format(name):
    if name == 'xml':
        return plistlib.FMT_XML
    if name == 'binary':
        return plistlib.FMT_BINARY
    raise SystemExit('format %r is neither xml nor binary' % name)


def probe(path, fmt_name, warmup, iterations):
    fmt = plist_format(fmt_name)
    with open(path, 'rb') as f:
        data = f.read()
    parse_ms, write_ms = [], []
    for i in range(warmup + iterations):
        started = time.perf_counter()
        value = plistlib.loads(data)
        parsed = time.perf_counter()
        # sort_keys=False keeps document order, as this project's writer does.
        plistlib.dumps(value, fmt=fmt, sort_keys=False)
        written = time.perf_counter()
        if i >= warmup:
            parse_ms.append((parsed - started) * 1000)
            write_ms.append((written - parsed) * 1000)
    json.dump({'parse': parse_ms, 'write': write_ms}, sys.stdout)


def roundtrip(source, target, fmt_name):
    fmt = plist_format(fmt_name)
    with open(source, 'rb') as f:
        value = plistlib.load(f)
    with open(target, 'wb') as f:
        plistlib.dump(value, f, fmt=fmt, sort_keys=False)


def read_all(folder):
    files = payloads = 0
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), 'rb') as f:
            value = plistlib.load(f)
        files += 1
        payloads += len(value.get('PayloadContent', []))
    json.dump({'files': files, 'payloads': payloads}, sys.stdout)


def main(argv):
    if len(argv) == 5 and argv[0] == 'probe':
        probe(argv[1], argv[2], int(argv[3]), int(argv[4]))
    elif len(argv) == 4 and argv[0] == 'roundtrip':
        roundtrip(argv[1], argv[2], argv[3])
    elif len(argv) == 2 and argv[0] == 'read-all':
        read_all(argv[1])
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
