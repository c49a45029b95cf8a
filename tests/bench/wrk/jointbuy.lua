-- The wrk script of scripts/bench: wrk (Debian's package) as a load generator independent of
-- http_load_bench. Every request carries the bearer token JOINTBUY_WRK_TOKEN; with JOINTBUY_WRK_BODY
-- set, each is a POST of that JSON body. At the end it prints one JSON line: requests answered,
-- those answered 2xx per second, latency percentiles of every answer, answers that were not 2xx/3xx,
-- and socket errors (connect, read, write, timeout).
local token = os.getenv("JOINTBUY_WRK_TOKEN")
local body = os.getenv("JOINTBUY_WRK_BODY")

wrk.headers["Authorization"] = "Bearer " .. token
if body ~= nil and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local answered_2xx = summary.requests - e.status
  io.write(string.format(
    '{"tool":"wrk","requests":%d,"succeeded":%d,"throughput_per_s":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,' ..
    '"failed":%d,"socket_errors":%d,"seconds":%.3f}\n',
    summary.requests, answered_2xx, answered_2xx / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, e.status, e.connect + e.read + e.write + e.timeout, seconds))
end
