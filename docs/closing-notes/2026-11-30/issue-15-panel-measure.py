import base64, json, time, urllib.request, uuid, statistics
AUTH = "Basic " + base64.b64encode(b"agent@switchboard.test:switchboard").decode()
def post(path, body, key=None):
    req = urllib.request.Request("http://localhost:18580" + path, data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": AUTH, "Content-Type": "application/json", "Accept": "application/json", **({"Idempotency-Key": key} if key else {})})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        r.read()
    return (time.perf_counter() - t) * 1000
N = 200
for _ in range(30):
    post("/api/records/Contact", {"LastName": "Warmup"}); post("/api/records/Contact", {"LastName": "Warmup"}, str(uuid.uuid4()))
plain = [post("/api/records/Contact", {"LastName": "Plain %d" % i}) for i in range(N)]
keyed = [post("/api/records/Contact", {"LastName": "Keyed %d" % i}, str(uuid.uuid4())) for i in range(N)]
keys = [str(uuid.uuid4()) for _ in range(N)]
for i, k in enumerate(keys):
    post("/api/records/Contact", {"LastName": "Replay %d" % i}, k)
replayed = [post("/api/records/Contact", {"LastName": "Replay %d" % i}, k) for i, k in enumerate(keys)]
def fmt(name, xs):
    xs = sorted(xs)
    print("%-28s n=%d median %.2f ms  p95 %.2f ms" % (name, len(xs), statistics.median(xs), xs[int(len(xs) * 0.95) - 1]))
fmt("POST Contact, no key", plain)
fmt("POST Contact, new key", keyed)
fmt("POST Contact, replayed key", replayed)
