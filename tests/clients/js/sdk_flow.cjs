// A scripted flow with RingCentral's official JavaScript SDK (`@ringcentral/sdk` on
// npm), unmodified, against any RingCentral server URL: the sandbox directly, or the
// gateway's RingCentral-compatible endpoint. The same flow as sdk_flow.py: JWT login,
// a page and its next page by the answer's navigation, a read, a create and an update,
// an IVR prompt uploaded as FormData and its audio downloaded back byte for byte, a
// WebHook subscription (the validation handshake, then a notification the sandbox
// delivers when SANDBOX is given), a refresh, and a logout after which the old token is
// refused. Prints one JSON object with what it saw; exits non-zero on any unexpected
// answer.
//
//     NODE_PATH=.../node_modules node sdk_flow.cjs SERVER CLIENT_ID CLIENT_SECRET JWT [SANDBOX]

const http = require('http');
const { SDK } = require('@ringcentral/sdk');

function check(condition, what) {
    if (!condition) {
        console.error(`unexpected: ${what}`);
        process.exit(1);
    }
}

// A few KB of audio-like bytes with CR LF runs and `--` sequences in them.
function fakeMp3() {
    const chunks = [Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1')];
    for (let round = 0; round < 12; round++) {
        chunks.push(Buffer.from(Array.from({ length: 256 }, (_, b) => (b * 37 + round) % 256)));
        chunks.push(Buffer.from('\r\n--\r\n\r\n----boundary-like--\r\n', 'latin1'));
    }
    return Buffer.concat(chunks);
}

// An IVR prompt uploaded as multipart/form-data, its audio read back, deleted. The SDK
// posts a FormData as its README shows for browsers; on Node its default transport
// (node-fetch 2) takes only the `form-data` module's, so the upload goes through an
// SDK given Node's own fetch, sharing the flow's login.
async function ivrPrompt(platform, options) {
    const web = new SDK({
        ...options,
        fetch: globalThis.fetch,
        Request: globalThis.Request,
        Response: globalThis.Response,
        Headers: globalThis.Headers,
    });
    await web.platform().auth().setData(await platform.auth().data());
    const audio = fakeMp3();
    const form = new FormData();
    form.append('name', 'JavaScript SDK prompt');
    form.append('attachment', new Blob([audio], { type: 'audio/mpeg' }), 'js-prompt.mp3');
    const upload = await web.platform().post('/restapi/v1.0/account/~/ivr-prompts', form);
    const prompt = await upload.json();
    check(prompt.filename === 'JavaScript SDK prompt', `prompt: ${JSON.stringify(prompt)}`);
    check(prompt.contentType === 'audio/mpeg', `prompt: ${JSON.stringify(prompt)}`);
    const content = await platform.get(prompt.contentUri);
    const contentType = content.headers.get('content-type');
    check(contentType === 'audio/mpeg', `prompt content type: ${contentType}`);
    const bytes = Buffer.from(await content.arrayBuffer());
    check(bytes.equals(audio), `prompt audio: ${bytes.length} bytes, sent ${audio.length}`);
    await platform.delete(`/restapi/v1.0/account/~/ivr-prompts/${prompt.id}`);
    let status = null;
    try {
        await platform.get(`/restapi/v1.0/account/~/ivr-prompts/${prompt.id}`);
    } catch (e) {
        status = e.response && e.response.status;
    }
    check(status === 404, `404 after delete, got ${status}`);
    return { id: prompt.id, content_uri: prompt.contentUri, bytes: audio.length };
}

// A WebHook subscription to the extension's presence, and one delivered event.
async function subscribe(platform, sandbox, extensionId) {
    const received = [];
    const hook = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            const token = req.headers['validation-token'];
            if (token) {
                res.setHeader('Validation-Token', token);
            } else if (chunks.length) {
                received.push(JSON.parse(Buffer.concat(chunks).toString()));
            }
            res.end();
        });
    });
    await new Promise((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${hook.address().port}/hook`;
    const subscription = await (await platform.post('/restapi/v1.0/subscription', {
        eventFilters: ['/restapi/v1.0/account/~/extension/~/presence'],
        deliveryMode: { transportType: 'WebHook', address },
        expiresIn: 600,
    })).json();
    check(subscription.status === 'Active', `subscription: ${JSON.stringify(subscription)}`);
    const change = await fetch(`${sandbox}/_sandbox/presence/${extensionId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ dndStatus: 'DoNotAcceptAnyCalls' }),
    });
    check(change.ok, `the sandbox took the presence change: ${change.status}`);
    const deadline = Date.now() + 10000;
    while (!received.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    check(received.length > 0, 'a notification within 10 s');
    const event = received[0];
    check(event.subscriptionId === subscription.id, `notification: ${JSON.stringify(event)}`);
    check(event.body.dndStatus === 'DoNotAcceptAnyCalls', `notification: ${JSON.stringify(event)}`);
    await platform.delete(`/restapi/v1.0/subscription/${subscription.id}`);
    hook.close();
    return { subscription_id: subscription.id, event: event.event };
}

async function main() {
    const [server, clientId, clientSecret, jwt, sandbox] = process.argv.slice(2);
    const sdk = new SDK({ server, clientId, clientSecret });
    const platform = sdk.platform();
    await platform.login({ jwt });
    const seen = { token_type: (await platform.auth().data()).token_type };

    const page = await (await platform.get('/restapi/v1.0/account/~/extension', { perPage: 2 })).json();
    check(page.records.length === 2, `a page of 2: ${JSON.stringify(page)}`);
    seen.next_page_uri = page.navigation.nextPage.uri;
    const second = await (await platform.get(seen.next_page_uri)).json();
    check(second.paging.page === 2, `page 2: ${JSON.stringify(second.paging)}`);

    const me = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
    seen.me_uri = me.uri;

    const email = `js-sdk-${Math.random().toString(16).slice(2, 10)}@example.com`;
    const created = await (await platform.post('/restapi/v1.0/account/~/extension', {
        contact: { firstName: 'Grace', lastName: 'Hopper', email },
        type: 'User',
    })).json();
    check(created.contact.email === email, `created: ${JSON.stringify(created)}`);
    const updated = await (await platform.put(`/restapi/v1.0/account/~/extension/${created.id}`, {
        contact: { jobTitle: 'Admiral' },
    })).json();
    check(updated.contact.jobTitle === 'Admiral', `updated: ${JSON.stringify(updated)}`);
    const read = await (await platform.get(`/restapi/v1.0/account/~/extension/${created.id}`)).json();
    check(read.contact.jobTitle === 'Admiral', `read after update: ${JSON.stringify(read)}`);
    seen.created_id = String(created.id);

    seen.ivr_prompt = await ivrPrompt(platform, { server, clientId, clientSecret });

    if (sandbox) {
        seen.webhook = await subscribe(platform, sandbox, String(me.id));
    }

    const old = (await platform.auth().data()).access_token;
    await platform.refresh();
    const token = (await platform.auth().data()).access_token;
    check(token !== old, 'a new access token after refresh');
    await platform.get('/restapi/v1.0/account/~/extension/~');

    await platform.logout();
    // The logged-out token, sent as the SDK sends tokens: refused with 401.
    const after = await fetch(`${server}/restapi/v1.0/account/~/extension/~`, {
        headers: { Authorization: `bearer ${token}` },
    });
    check(after.status === 401, `401 after logout, got ${after.status}`);
    seen.after_logout = after.status;
    console.log(JSON.stringify(seen));
}

main().catch((e) => {
    console.error(`the flow failed: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
});
