# Sourced by the load scripts: signs demo users in over HTTP, one session per call.
# Needs BASE (the portal) and work (a temporary directory the caller removes).

# Signs the user in with the demo password and prints the session id.
login() {
  local jar csrf
  jar=$(mktemp -p "$work")
  csrf=$(curl -sf -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '$6 == "SESSION" { print $7 }' "$jar"
}

# One session per connection, as that many people signed in.
sessions() {
  local all="" i
  for i in $(seq 1 "$CONNECTIONS"); do all="$all $(login "$1")"; done
  echo "$all"
}
