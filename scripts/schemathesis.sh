#!/usr/bin/env bash
# Property-based test of the HTTP API against its own OpenAPI document (docs/api.md):
# starts `coherence serve` on the fictional demo world in a temporary folder, signs in as
# the first administrator, makes an API token, and runs schemathesis with it. Fails on any
# 5xx answer and on any answer that does not match the document.
#
# Usage: scripts/schemathesis.sh COHERENCE_BINARY SCHEMATHESIS [MAX_EXAMPLES]
#   e.g. scripts/schemathesis.sh target/debug/coherence "$venv/bin/schemathesis" 25
set -euo pipefail
bin="$1"
st="$2"
examples="${3:-25}"
dir="$(mktemp -d)"
"$bin" --db "$dir/store.sqlite" serve --demo --listen 127.0.0.1:0 --insecure-cookies \
  >"$dir/stdout" 2>"$dir/server.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 300); do
  grep -q "http://" "$dir/stdout" 2>/dev/null && break
  sleep 0.1
done
base="$(grep -o 'http://[0-9.:]*' "$dir/stdout" | head -1)"
password="$(sed -n 's/^One-time password: *//p' "$dir/stdout")"
[ -n "$base" ] && [ -n "$password" ] || { cat "$dir/stdout" "$dir/server.log"; exit 1; }
# A token of the administrator (the password stays in this script's memory and the
# server's stdout file, which is removed on exit).
token="$(python3 - "$base" "$password" <<'PY'
import json, sys, urllib.request
base, password = sys.argv[1], sys.argv[2]
def call(method, path, body, headers):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                 headers={"content-type": "application/json", **headers})
    return urllib.request.urlopen(req)
r = call("POST", "/api/v1/session", {"name": "admin", "password": password}, {})
cookie = r.headers["set-cookie"].split(";")[0]
r = call("POST", "/api/v1/me/tokens", {"name": "schemathesis"},
         {"cookie": cookie, "sec-fetch-site": "same-origin"})
token = json.load(r)["token"]
bearer = {"authorization": "Bearer " + token}
# Something to work on: Pelaria's workspace (id 1), where the administrator coordinates, a
# second user (id 2) who contributes for its labour ministry, and Brevmark's workspace.
call("POST", "/api/v1/workspaces", {"name": "Pelaria", "country": "XAA", "reason": "schemathesis"}, bearer)
call("POST", "/api/v1/workspaces", {"name": "Brevmark", "country": "XAB", "reason": "schemathesis"}, bearer)
call("PUT", "/api/v1/workspaces/1/members/1", {"role": "coordinator", "reason": "schemathesis"}, bearer)
call("POST", "/api/v1/users", {"name": "contributor", "display_name": "Contributor"}, bearer)
call("PUT", "/api/v1/workspaces/1/members/2",
     {"role": "contributor", "ministry": "Ministry of Labour and Overseas Employment", "reason": "schemathesis"}, bearer)
print(token)
PY
)"
# Path parameters that name what exists, so that the generated requests reach the handlers'
# work rather than their 404s; bodies and query strings are generated.
cat >"$dir/schemathesis.toml" <<'TOML'
[parameters]
"path.id" = 1
"path.user_id" = 2
"path.area" = "XAA"
"path.policy" = "XAA-LAB-01"
"path.framework" = "sdg-10.7.2"
"path.matrix" = 1
"path.version" = 1
TOML
echo "schemathesis against $base/api/v1/openapi.json ($examples examples per operation)"
# Revoking tokens and signing out would end the run's own credentials: left out.
"$st" --config-file "$dir/schemathesis.toml" run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --exclude-operation-id token_revoke --exclude-operation-id sign_out \
  --max-examples "$examples" --seed 1 --no-color
echo "server log: $(grep -c ' request' "$dir/server.log" || true) requests"
