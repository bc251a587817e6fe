#!/bin/bash
# Fills a freshly started Switchboard (today's main) with demo-like data through its API. $1 = server, $2 = sandbox
set -e
B=$1; S=$2
A="-u admin@switchboard.test:switchboard"; G="-u agent@switchboard.test:switchboard"
J="-H Content-Type:application/json"
put() { curl -sf $A $J -X PUT "$B/api/admin/settings/$1" -d "$2" >/dev/null || { echo "PUT $1 failed"; curl -s $A $J -X PUT "$B/api/admin/settings/$1" -d "$2"; exit 1; }; }
put general '{"defaultPhoneRegion":"GB","publicBaseUrl":"'$B'"}'
put search '{"dialer":{"contacts":true,"leads":false},"inbound":{"contacts":false,"leads":true},"meeting":{"contacts":true,"leads":false},"space":{"contacts":false,"leads":true}}'
put phoneFields '{"Contact":["Phone","MobilePhone"],"Lead":["MobilePhone"],"Account":["Phone"]}'
put callLogs '{"outbound":{"enabled":true,"relatedObjects":["Account","Opportunity"]},"inbound":{"enabled":true,"relatedObjects":["Account","Case"]}}'
put callLogDetails '[{"object":"Case","accountField":"AccountId","fields":["CaseNumber","Status"]},{"object":"Opportunity","accountField":"AccountId","fields":["Name","StageName"]}]'
put callHistory '{"enabled":false}'
put chat '{"enabled":false}'
curl -sf $A $J -X POST $B/api/admin/notifications/rules -d '{"name":"Case escalated","object":"Case","trackedFields":["Status","Priority"],"template":"[[CaseNumber]] is now [[Status]] (was [[prior:Status]]), owner [[Owner.Name]]","active":false}' >/dev/null
OPP=$(curl -sf $A "$B/api/records/Opportunity?limit=1" | jq -r '.records[0].id')
ACC=$(curl -sf $A "$B/api/records/Account?limit=1" | jq -r '.records[0].id')
CON=$(curl -sf $A "$B/api/records/Contact?limit=1" | jq -r '.records[0].id')
curl -sf $G $J -X POST $B/api/records/Opportunity/$OPP/spaces -d '{"title":"Upgrade deal room","members":[{"email":"admin@switchboard.test"}]}' > space1.json
curl -sf $G $J -X POST $B/api/records/Account/$ACC/spaces -d '{"members":[]}' > space2.json
SP=$(jq -r .spaceId space1.json)
curl -sf $G $J -X POST $B/api/spaces/$SP/messages -d '{"markdown":"Kick-off **today**"}' >/dev/null
curl -sf $A $J -X PATCH $B/api/records/Opportunity/$OPP -d '{"StageName":"Negotiation/Review"}' >/dev/null
# an outbound call, logged
C1=$(curl -sf $G $J -X POST $B/api/calling/calls -d '{"object":"Contact","id":"'$CON'","phoneField":"Phone"}' | jq -r .callId)
sleep 1; curl -sf $G -X POST $B/api/calling/calls/$C1/hangup; sleep 2
curl -sf $G $J -X POST $B/api/calling/calls/$C1/log -d '{"subject":"Upgrade call out","notes":"Talked about the renewal","whoId":"'$CON'","whatId":"'$OPP'","disposition":"Connected"}' > log1.json
# an inbound call, answered, logged
curl -sf $J -X POST $S/sandbox/calls/inbound -d '{"toEmail":"agent@switchboard.test","fromNumber":"+1 (415) 555-0142","fromName":"Caller"}' > in.json
IC=$(jq -r .callId in.json); sleep 2
curl -sf -X POST $S/sandbox/calls/$IC/answer; sleep 1; curl -sf -X POST $S/sandbox/calls/$IC/hangup; sleep 3
C2=$(curl -sf $G $B/api/calling/drafts | jq -r '.drafts[0].callId')
curl -sf $G $J -X POST $B/api/calling/calls/$C2/log -d '{"subject":"Upgrade call in","notes":"Asked for a quote","whatId":"'$ACC'","disposition":"Connected"}' > log2.json
# an inbound call left as a draft
curl -sf $J -X POST $S/sandbox/calls/inbound -d '{"toEmail":"agent@switchboard.test","fromNumber":"+44 20 7946 0958","fromName":"Unlogged"}' > in2.json
IC2=$(jq -r .callId in2.json); sleep 2; curl -sf -X POST $S/sandbox/calls/$IC2/hangup; sleep 3
echo OPP=$OPP ACC=$ACC CON=$CON C1=$C1 C2=$C2; cat log1.json log2.json
