-- wrk script: 90% reads and 10% writes against one registry replica.
--   wrk ... -s tests/load/mixed.lua http://127.0.0.1:PORT -- <subjects> <ids> <tag>
-- Reads pick at random: a schema by id (1..ids), a subject's latest version, its version list, the subject list.
-- Writes register a new, compatible version of a random subject: the seeded schema with a description no other
-- request uses (tag, thread and counter), so every write is a real new version, not an idempotent re-registration.
local subjects, ids, tag = 20, 20, "r"
thread_id = 0 -- a global: setup() sets it in each thread
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  subjects = tonumber(args[1]) or subjects
  ids = tonumber(args[2]) or ids
  tag = args[3] or tag
  math.randomseed(os.time() + thread_id * 7919 + #tag)
end

local function subject(n)
  return "load" .. n .. ".order.created-value"
end

local schema = '{\\"type\\":\\"object\\",\\"title\\":\\"Order created\\",\\"description\\":\\"%s\\",' ..
  '\\"properties\\":{\\"orderId\\":{\\"type\\":\\"string\\"},\\"total\\":{\\"type\\":\\"number\\"}},' ..
  '\\"required\\":[\\"orderId\\"],\\"additionalProperties\\":false}'

function request()
  local r = math.random()
  local s = subject(math.random(subjects))
  if r < 0.10 then
    counter = counter + 1
    local body = '{"schema":"' .. string.format(schema, "v " .. tag .. "-" .. thread_id .. "-" .. counter) .. '"}'
    return wrk.format("POST", "/subjects/" .. s .. "/versions",
      { ["Content-Type"] = "application/vnd.schemaregistry.v1+json" }, body)
  elseif r < 0.55 then
    return wrk.format("GET", "/schemas/ids/" .. math.random(ids))
  elseif r < 0.85 then
    return wrk.format("GET", "/subjects/" .. s .. "/versions/latest")
  elseif r < 0.95 then
    return wrk.format("GET", "/subjects/" .. s .. "/versions")
  else
    return wrk.format("GET", "/subjects")
  end
end

function done(summary, latency, requests)
  io.write(string.format("MIX errors: status %d, connect %d, read %d, write %d, timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
