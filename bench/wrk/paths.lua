-- bench/wrk/paths.lua — wrk script: each request takes the next path of the
-- file named by the environment variable PATHS (one path a line), so that
-- a run loads the server with a mix of queries rather than one cached one.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
-- Non-2xx responses are counted by wrk itself ("Non-2xx or 3xx responses").
