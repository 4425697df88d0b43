-- GET one console page as a signed-in person. Argument after `--`: the session cookie's value.
function init(args)
  wrk.headers["Cookie"] = "console_session=" .. args[1]
end

done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
