-- POST the same JSON body with a unique Idempotency-Key per request, as an integrator sends
-- them: "<run prefix>-<thread>-<n>". Arguments after `--`: the run prefix, the body file and
-- the Authorization header's value (empty for none).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  prefix = args[1]
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
  headers = { ["Content-Type"] = "application/json" }
  if args[3] ~= nil and args[3] ~= "" then
    headers["Authorization"] = args[3]
  end
  n = 0
end

function request()
  n = n + 1
  headers["Idempotency-Key"] = prefix .. "-" .. tid .. "-" .. n
  return wrk.format("POST", nil, headers, body)
end

done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
