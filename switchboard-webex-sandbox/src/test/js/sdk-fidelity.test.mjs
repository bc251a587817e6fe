// Drives the Webex sandbox with Cisco's official JavaScript SDK (webex-core and the people, rooms, memberships,
// messages and webhooks plugins), so a client nobody here wrote checks it. Starts the sandbox's exec jar on a
// free port (or uses SANDBOX_URL), points the SDK's service discovery at it, and runs with `npm test`.
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const ORG_UUID = '6f2a3b8c-0000-4000-8000-5a4db0c0ffee';

let sandbox;
let baseUrl = process.env.SANDBOX_URL;

async function startSandbox() {
  const jar = process.env.SANDBOX_JAR
    || path.resolve(here, '../../../target/switchboard-webex-sandbox-0.1.0-SNAPSHOT-exec.jar');
  sandbox = spawn('java', ['-jar', jar, '--port=0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox did not start within 30 s')), 30000);
    let out = '';
    sandbox.stdout.on('data', chunk => {
      out += chunk;
      const m = out.match(/Webex sandbox at (http:\/\/\S+)\/v1/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    sandbox.on('exit', code => reject(new Error('the sandbox exited with ' + code)));
  });
}

let people;
let WebexCore;

function webexAs(token) {
  return new WebexCore({ credentials: { access_token: token }, config: { logger: { level: 'error' } } });
}

before(async () => {
  if (!baseUrl) {
    baseUrl = await startSandbox();
  }
  // The SDK finds Webex through these; U2C answers 404 here, so the SDK falls back to hydra and stays local.
  process.env.HYDRA_SERVICE_URL = baseUrl + '/v1';
  process.env.U2C_SERVICE_URL = baseUrl + '/u2c/api/v1';
  WebexCore = require('@webex/webex-core').default;
  for (const plugin of ['people', 'rooms', 'memberships', 'messages', 'webhooks']) {
    require('@webex/plugin-' + plugin);
  }
  await fetch(baseUrl + '/sandbox/reset', { method: 'POST' });
  people = (await (await fetch(baseUrl + '/sandbox/people')).json()).items;
});

after(() => sandbox?.kill());

const token = email => people.find(p => p.email === email).token;

test('tokens have three parts and the SDK reads the org from them', () => {
  for (const person of people) {
    const webex = webexAs(person.token);
    assert.equal(webex.credentials.extractOrgIdFromUserToken(person.token), ORG_UUID);
  }
});

test('people: me and lookups by email and id', async () => {
  const agent = webexAs(token('agent@switchboard.test'));
  const me = await agent.people.get('me');
  assert.deepEqual(me.emails, ['agent@switchboard.test']);
  const byEmail = await agent.people.list({ email: 'viewer@switchboard.test' });
  assert.equal(byEmail.items.length, 1);
  const byId = await agent.people.list({ id: [me.id, byEmail.items[0].id].join(',') });
  assert.equal(byId.items.length, 2);
});

test('rooms, memberships and messages round-trip, with markdown html and mentions', async () => {
  const agent = webexAs(token('agent@switchboard.test'));
  const viewer = webexAs(token('viewer@switchboard.test'));
  const room = await agent.rooms.create({ title: 'SDK deal room' });
  assert.equal(room.type, 'group');
  const membership = await agent.memberships.create({ roomId: room.id, personEmail: 'viewer@switchboard.test' });
  assert.equal(membership.isModerator, false);
  const updated = await agent.memberships.update({ ...membership, isModerator: true });
  assert.equal(updated.isModerator, true);
  const members = await agent.memberships.list({ roomId: room.id });
  assert.equal(members.items.length, 2);

  const message = await agent.messages.create({
    roomId: room.id,
    markdown: '**Renewal** for <@personEmail:viewer@switchboard.test|Val>',
  });
  assert.equal(message.html.startsWith('<p><strong>Renewal</strong> for <spark-mention'), true);
  assert.equal(message.text, 'Renewal for Val');
  assert.deepEqual(message.mentionedPeople, [(await viewer.people.get('me')).id]);
  const read = await viewer.messages.get(message.id);
  assert.equal(read.markdown, message.markdown);

  const renamed = await agent.rooms.update({ ...room, title: 'SDK renamed' });
  assert.equal(renamed.title, 'SDK renamed');
  await agent.messages.remove(message.id);
  await agent.memberships.remove(updated);
  await agent.rooms.remove(room.id);
  await assert.rejects(agent.rooms.get(room.id), e => e.statusCode === 404);
});

test('paging follows the Link header to the end without repeats', async () => {
  const agent = webexAs(token('agent@switchboard.test'));
  const room = await agent.rooms.create({ title: 'SDK paging' });
  for (let i = 0; i < 7; i++) {
    await agent.messages.create({ roomId: room.id, text: 'm' + i });
  }
  let page = await agent.messages.list({ roomId: room.id, max: 3 });
  const texts = page.items.map(m => m.text);
  while (page.hasNext()) {
    page = await page.next();
    texts.push(...page.items.map(m => m.text));
  }
  assert.deepEqual(texts, ['m6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
});

test('a direct message creates the 1:1 room', async () => {
  const agent = webexAs(token('agent@switchboard.test'));
  const sent = await agent.messages.create({ toPersonEmail: 'viewer@switchboard.test', text: 'hi Val' });
  assert.equal(sent.roomType, 'direct');
  const direct = await agent.rooms.list({ type: 'direct' });
  assert.equal(direct.items.length, 1);
  assert.equal(direct.items[0].title, 'Val Viewer');
});

test('webhooks: filters are kept, unknown filter keys and deactivation are refused', async () => {
  const agent = webexAs(token('agent@switchboard.test'));
  const hook = await agent.webhooks.create({
    name: 'SDK hook', targetUrl: 'http://127.0.0.1:9/hook', resource: 'messages', event: 'created',
    filter: 'mentionedPeople=me',
  });
  assert.equal(hook.filter, 'mentionedPeople=me');
  assert.equal(hook.ownedBy, 'creator');
  await assert.rejects(agent.webhooks.create({
    name: 'bad', targetUrl: 'http://127.0.0.1:9/hook', resource: 'messages', event: 'created', filter: 'colour=red',
  }), e => e.statusCode === 400);
  await assert.rejects(agent.webhooks.update({ ...hook, status: 'inactive' }), e => e.statusCode === 400);
  const listed = await agent.webhooks.list();
  assert.equal(listed.items.some(w => w.id === hook.id), true);
  await agent.webhooks.remove(hook);
  await assert.rejects(agent.webhooks.get(hook.id), e => e.statusCode === 404);
});

test('an unknown token is refused with 401', async () => {
  const stranger = webexAs('bm90LWEtdG9rZW4_PF84_' + ORG_UUID);
  await assert.rejects(stranger.people.get('me'), e => e.statusCode === 401);
});
