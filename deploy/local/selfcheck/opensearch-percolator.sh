#!/usr/bin/env bash
# Proves the running OpenSearch has a working percolator and analysis-common (segment rules are
# stored as percolator queries): index a query, percolate a matching and a non-matching document.
set -euo pipefail
url="http://127.0.0.1:${C360_OPENSEARCH_PORT:-9200}"
index="c360-selfcheck-percolator-$$"
cleanup() { curl -s -o /dev/null -X DELETE "$url/$index" || true; }
trap cleanup EXIT

req() {
  local method="$1" path="$2" body="${3:-}"
  if [[ -n "$body" ]]; then
    curl -fsS -X "$method" "$url$path" -H 'content-type: application/json' -d "$body"
  else
    curl -fsS -X "$method" "$url$path"
  fi
}

req PUT "/$index" '{
  "settings": {"number_of_shards": 1, "number_of_replicas": 0,
    "analysis": {"analyzer": {"folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}},
  "mappings": {"properties": {
    "rule": {"type": "percolator"},
    "city": {"type": "text", "analyzer": "folded"},
    "lifetimeValue": {"type": "double"}}}}' >/dev/null
req PUT "/$index/_doc/high-value-munich?refresh=true" '{
  "rule": {"bool": {"must": [{"match": {"city": "munchen"}}, {"range": {"lifetimeValue": {"gte": 1000}}}]}}}' >/dev/null

hit="$(req GET "/$index/_search" '{"query": {"percolate": {"field": "rule", "document": {"city": "München", "lifetimeValue": 1500}}}}')"
miss="$(req GET "/$index/_search" '{"query": {"percolate": {"field": "rule", "document": {"city": "München", "lifetimeValue": 10}}}}')"

grep -q '"_id":"high-value-munich"' <<<"$hit" || { echo "percolator: expected a match, got: $hit" >&2; exit 1; }
grep -q '"hits":\[\]' <<<"$miss" || { echo "percolator: expected no match, got: $miss" >&2; exit 1; }
painless="$(req POST "/_scripts/painless/_execute" '{"script": {"source": "params.a * 2", "params": {"a": 21}}}')"
grep -q '"result":"42"' <<<"$painless" || { echo "painless: unexpected result: $painless" >&2; exit 1; }
echo "opensearch selfcheck ok: percolator matched (with asciifolding), non-match excluded, painless ran"
