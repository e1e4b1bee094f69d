// Drives a BBB/Mconf-Live server with bigbluebutton-js 0.2.0, unmodified, and checks what comes back.
// bigbluebutton-js signs with Node's querystring (spaces as %20, checksum last) and parses with fast-xml-parser,
// so this exercises the fake's raw-query checksum and its XML as a third-party client sees them.
// Usage: BBB_URL=http://127.0.0.1:8090/bigbluebutton BBB_SECRET=... node interop.mjs
// The target must connect joined users at once (the fake's AutoConnect option) for the attendee checks.
import bbb from 'bigbluebutton-js';

const url = process.env.BBB_URL;
const secret = process.env.BBB_SECRET;
if (!url || !secret) {
  console.error('set BBB_URL and BBB_SECRET');
  process.exit(2);
}

const api = bbb.api(url, secret);
const call = (u) => bbb.http(u);
const failures = [];
const check = (what, ok, got) => {
  if (!ok) failures.push(`${what}: got ${JSON.stringify(got)}`);
};

const id = `interop-${process.pid}-${Date.now()}`;
const created = await call(api.administration.create('Interop Room', id, {
  attendeePW: 'ap', moderatorPW: 'mp', voiceBridge: 70123, dialNumber: '613-555-0100',
  record: true, 'meta_course': 'Physics 101',
}));
check('create SUCCESS', created.returncode === 'SUCCESS', created);
check('create voiceBridge echoed', String(created.voiceBridge) === '70123', created.voiceBridge);
check('create dialNumber echoed', created.dialNumber === '613-555-0100', created.dialNumber);

const joinAs = (name, password, extra) =>
  call(api.administration.join(name, id, password, { redirect: false, ...extra }));
const mod = await joinAs('Maria Moderator', 'mp', { userID: 'u-mod' });
check('join moderator successfullyJoined', mod.messageKey === 'successfullyJoined', mod);
const guest = await joinAs('Gustavo Guest', 'ap', { userID: 'u-guest', guest: 'TRUE' });
check('join guest=TRUE accepted', guest.returncode === 'SUCCESS', guest);

const info = await call(api.monitoring.getMeetingInfo(id));
const attendees = [].concat(info.attendees?.attendee ?? []);
check('getMeetingInfo internalMeetingID', /^[0-9a-f]{40}-\d+$/.test(String(info.internalMeetingID).trim()), info.internalMeetingID);
check('getMeetingInfo two attendees', attendees.length === 2, attendees.length);
check('getMeetingInfo listenerCount present', info.listenerCount !== undefined, info);
check('getMeetingInfo voiceParticipantCount present', info.voiceParticipantCount !== undefined, info);
const g = attendees.find((a) => a.userID === 'u-guest');
check('guest waits for acceptance', String(g?.waitingForAcceptance) === 'true', g);
for (const a of attendees) {
  check(`attendee ${a.userID} isPresenter boolean`, typeof a.isPresenter === 'boolean', a.isPresenter);
  check(`attendee ${a.userID} hasJoinedVoice boolean`, typeof a.hasJoinedVoice === 'boolean', a.hasJoinedVoice);
}

const meetings = await call(api.monitoring.getMeetings());
const listed = meetings.meetings.find((m) => m.meetingID === id);
check('getMeetings lists the meeting', listed !== undefined, meetings.meetings.map((m) => m.meetingID));
check('getMeetings participantCount equals getMeetingInfo', listed?.participantCount === info.participantCount, [listed?.participantCount, info.participantCount]);
check('getMeetings videoCount present', listed?.videoCount !== undefined, listed);

const all = await call(api.recording.getRecordings({}));
const recs = all.recordings ?? [];
check('getRecordings SUCCESS', all.returncode === 'SUCCESS', all.returncode);
const sample = recs.find((r) => r.metadata && Object.keys(r.metadata).length > 0);
if (sample) {
  const [key, value] = Object.entries(sample.metadata)[0];
  const filtered = await call(api.recording.getRecordings({ [`meta_${key}`]: String(value) }));
  const got = (filtered.recordings ?? []).map((r) => r.recordID);
  const want = recs.filter((r) => r.metadata && String(r.metadata[key]) === String(value)).map((r) => r.recordID);
  check(`getRecordings meta_${key} filter`, got.sort().join() === want.sort().join(), { got, want });
} else {
  failures.push('getRecordings: the target has no recording with metadata to filter on');
}

// bigbluebutton-js has no getStats wrapper; its own URL builder signs any call name.
const stats = await call(bbb.util.constructUrl(url.replace(/\/$/, ''), secret, 'getStats', {}));
check('getStats SUCCESS', stats.returncode === 'SUCCESS', stats);
const statMeetings = [].concat(stats.stats?.meeting ?? []);
check('getStats has meetings', statMeetings.length > 0, stats);
if (statMeetings.length >= 2) {
  const ids = statMeetings.slice(0, 2).map((m) => String(m.meetingID));
  const two = await call(bbb.util.constructUrl(url.replace(/\/$/, ''), secret, 'getStats', { meetingID: ids.join(',') }));
  const gotIds = [...new Set([].concat(two.stats?.meeting ?? []).map((m) => String(m.meetingID)))].sort();
  check('getStats comma-separated list', gotIds.join() === [...new Set(ids)].sort().join(), { gotIds, ids });
}

const ended = await call(api.administration.end(id, 'mp'));
check('end sentEndMeetingRequest', ended.messageKey === 'sentEndMeetingRequest', ended);
const running = await call(api.monitoring.isMeetingRunning(id));
check('isMeetingRunning false after end', running.running === false, running);

if (failures.length > 0) {
  console.log(JSON.stringify({ ok: false, failures }, null, 2));
  process.exit(1);
}
console.log(JSON.stringify({ ok: true, meetingID: id, checks: 'all passed' }));
