# Sourced by ./c360 (and its tests): is this URL ready? Asked as a browser asks a page, since the
# micro-frontend servers answer index.html to page navigations (Accept: text/html) only; the API
# and the sandbox answer their health routes whatever the Accept header.
http_ready() { # url
  curl -fsS -o /dev/null -H 'Accept: text/html,*/*' "$1" 2>/dev/null
}
