-- wrk script: POSTs the file named by the first script argument (after `--`) with Confluent's content type.
--   wrk ... -s tests/load/post.lua http://127.0.0.1:PORT/subjects/S/versions -- /path/to/body.json
function init(args)
  local file = assert(io.open(args[1], "rb"), "cannot open the request body " .. tostring(args[1]))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
end
