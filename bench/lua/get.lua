-- GET one path with a bearer token. Argument after `--`: the Authorization header's value.
function init(args)
  wrk.headers["Authorization"] = args[1]
end

done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
