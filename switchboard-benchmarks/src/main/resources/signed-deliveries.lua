-- wrk script: each thread replays its own slice of pre-signed, unique webhook deliveries.
-- Lines of the deliveries file: <X-Spark-Signature>\t<raw JSON body>
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local path, count = args[1], tonumber(args[2])
  lines = {}
  local i = 0
  for line in io.lines(path) do
    if i % count == tid then
      local tab = line:find("\t", 1, true)
      table.insert(lines, { line:sub(1, tab - 1), line:sub(tab + 1) })
    end
    i = i + 1
  end
  index = 0
end

function request()
  index = index + 1
  local entry = lines[index]
  if entry == nil then
    entry = lines[1]  -- out of unique bodies: repeats are acknowledged as duplicates
  end
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Spark-Signature"] = entry[1] }, entry[2])
end
