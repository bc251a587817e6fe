#!/bin/bash
# The same import through the API (HTTP Basic as the admin), timed from POST to a finished state.
B=http://localhost:18720; A=admin@switchboard.test:switchboard
W=$1; C=$2
t0=$(date +%s.%N)
ID=$(curl -s -u $A -H 'Content-Type: application/json' -X POST $B/api/webinars/$W/imports \
  -d "{\"object\":\"Lead\",\"people\":[\"invitees\",\"registrants\",\"attendees\"],\"campaignId\":\"$C\"}" | sed 's/.*"importId":"\([^"]*\)".*/\1/')
while true; do
  S=$(curl -s -u $A $B/api/imports/$ID)
  case "$S" in *'"state":"done"'*|*'"state":"failed"'*) break;; esac
  sleep 0.1
done
t1=$(date +%s.%N)
echo "API import $ID: POST to finished in $(echo "$t1 - $t0" | bc) s: $S"
curl -s -u $A $B/api/imports/$ID/report.csv > report-$ID.csv
echo "report lines: $(wc -l < report-$ID.csv); outcomes:"; tail -n +2 report-$ID.csv | awk -F, '{print $2}' | sort | uniq -c
