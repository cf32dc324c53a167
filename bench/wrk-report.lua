-- wrk script: sends what a browser would (compression accepted; for a POST, a
-- form body from WRK_BODY with the Origin the CSRF check wants) and prints the
-- run as one JSON line for bench/report.py.
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("WRK_ORIGIN")
  wrk.headers["Referer"] = os.getenv("WRK_ORIGIN") .. "/"
end
wrk.headers["Accept-Encoding"] = "gzip, br"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
