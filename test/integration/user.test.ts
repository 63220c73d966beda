import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MessageView } from '~types/inbox.schema'
import type { StaffCandidate, UserView } from '~types/user.schema'
import { startTestServer, type TestServer } from '../support/server'
import { validProfile } from '../support/profiles'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: true })
})
afterAll(() => s.close())

async function readyWorker(openid: string, seq: number) {
  const token = await s.login(openid)
  const res = await s.call<UserView>('user', 'saveProfile', validProfile(seq), { token })
  if (!res.body.ok) throw new Error(JSON.stringify(res.body.error))
  return { token, user: res.body.data }
}

describe('login and profile', () => {
  it('first login creates the user with a welcome message; the profile gate holds until the profile is saved', async () => {
    const token = await s.login('new-rider-1')
    const me = await s.call<UserView>('user', 'getProfile', {}, { token })
    expect(me.body).toMatchObject({ ok: true, data: { profile: null, ready: false } })

    const inbox = await s.call('user', 'listMessages', {}, { token })
    expect(inbox.status).toBe(403)
    expect(inbox.body).toMatchObject({ ok: false, error: { code: 'PROFILE_INCOMPLETE' } })

    const saved = await s.call<UserView>('user', 'saveProfile', validProfile(11), { token })
    expect(saved.body.ok).toBe(true)
    const after = await s.call<{ items: MessageView[]; unread: number }>('user', 'listMessages', {}, { token })
    expect(after.body).toMatchObject({ ok: true, data: { unread: 1, items: [{ title: '欢迎来到暖新', read: false }] } })
  })

  it('logging in again does not create a second user or a second welcome', async () => {
    const a = await s.login('new-rider-2')
    const b = await s.login('new-rider-2')
    await s.call('user', 'saveProfile', validProfile(12), { token: a })
    const inbox = await s.call<{ items: MessageView[] }>('user', 'listMessages', {}, { token: b })
    expect(inbox.body.ok && inbox.body.data.items).toHaveLength(1)
    const { total } = await s.runtime.db.collection('users').where({ openid: 'new-rider-2' }).count()
    expect(total).toBe(1)
  })

  it('a bad ID number is a field error; a good one comes back masked and is stored encrypted', async () => {
    const token = await s.login('new-rider-3')
    const good = validProfile(13)
    const bad = { ...good, idNumber: good.idNumber.slice(0, 17) + (good.idNumber[17] === '1' ? '2' : '1') }
    const refused = await s.call('user', 'saveProfile', bad, { token })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { idNumber: expect.stringMatching(/校验码/) } } })

    const ok = await s.call<UserView>('user', 'saveProfile', good, { token })
    expect(ok.body.ok && ok.body.data.profile?.idNumberMasked).toBe(`${good.idNumber.slice(0, 3)}***********${good.idNumber.slice(-4)}`)
    expect(JSON.stringify(ok.body)).not.toContain(good.idNumber)

    // Nothing on disk holds the plain number: not the document, not an index.
    await new Promise((r) => setTimeout(r, 50))
    const files = ['nuanxin.sqlite', 'nuanxin.sqlite-wal'].map((f) => {
      try {
        return readFileSync(join(s.dataDir, f)).toString('latin1')
      } catch {
        return ''
      }
    })
    for (const f of files) expect(f).not.toContain(good.idNumber)
    const { data } = await s.runtime.db.collection('users').where({ openid: 'new-rider-3' }).get()
    expect(s.runtime.vault.decrypt((data[0] as { profile: { idNumberSealed: string } }).profile.idNumberSealed)).toBe(good.idNumber)
  })

  it('one ID number belongs to one account', async () => {
    const first = await readyWorker('id-owner', 21)
    expect(first.user.ready).toBe(true)
    const other = await s.login('id-thief')
    const res = await s.call('user', 'saveProfile', validProfile(21), { token: other })
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { idNumber: expect.stringMatching(/已经绑定/) } } })
    // The owner can save their own again (correcting the phone) without tripping over their own number.
    const again = await s.call('user', 'saveProfile', validProfile(21, { mobile: '13900001111' }), { token: first.token })
    expect(again.body).toMatchObject({ ok: true, data: { profile: { mobile: '13900001111' } } })
  })

  it('records the consents with the privacy guide version, once', async () => {
    const { token } = await readyWorker('consenter', 22)
    await s.call('user', 'saveProfile', validProfile(22), { token })
    const me = await s.call<UserView>('user', 'getProfile', {}, { token })
    expect(me.body.ok && me.body.data.consents.map((c) => c.kind)).toEqual(['privacy', 'sensitive'])
    const stale = await s.call('user', 'saveProfile', validProfile(22, { consents: { privacyVersion: '2020-01-01', sensitive: true } }), { token })
    expect(stale.body).toMatchObject({ ok: false, error: { fields: { 'consents.privacyVersion': expect.stringMatching(/更新/) } } })
  })

  it('a retried write with the same requestId runs once; double taps at once also run once', async () => {
    const { token } = await readyWorker('tapper', 23)
    const { body } = await s.call<{ items: MessageView[] }>('user', 'listMessages', {}, { token })
    const id = body.ok ? body.data.items[0].id : ''
    const taps = await Promise.all([1, 2, 3].map(() => s.call('user', 'markMessageRead', { id }, { token, requestId: 'tap-1' })))
    for (const t of taps) expect(t.body).toMatchObject({ ok: true, data: { unread: 0 } })
    const other = await s.call('user', 'markMessageRead', { id: 'different' }, { token, requestId: 'tap-1' })
    expect(other.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it("a worker cannot read or mark another worker's messages", async () => {
    const a = await readyWorker('owner-a', 24)
    const b = await readyWorker('owner-b', 25)
    const { body } = await s.call<{ items: MessageView[] }>('user', 'listMessages', {}, { token: a.token })
    const id = body.ok ? body.data.items[0].id : ''
    const res = await s.call('user', 'markMessageRead', { id }, { token: b.token })
    expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const bInbox = await s.call<{ items: MessageView[] }>('user', 'listMessages', {}, { token: b.token })
    expect(bInbox.body.ok && bInbox.body.data.items.map((m) => m.id)).not.toContain(id)
  })
})

describe('staff roles', () => {
  it('an admin grants a district-scoped staff role; it is audited and messaged; revoke removes it', async () => {
    const admin = await s.login('demo-admin')
    const { user } = await readyWorker('future-staff', 31)
    const found = await s.call<StaffCandidate[]>('user', 'findUsers', { query: '测试' }, { token: admin })
    expect(found.body.ok && found.body.data.some((c) => c.id === user.id && c.mobileMasked === '138****5678')).toBe(true)

    const granted = await s.call<StaffCandidate>('user', 'grantStaff', { userId: user.id, districtCode: '320613', services: ['legalAid'] }, { token: admin })
    expect(granted.body).toMatchObject({ ok: true, data: { roles: { staff: [{ districtCode: '320613', services: ['legalAid'] }] } } })
    const { data: audit } = await s.runtime.db.collection('audit').where({ targetId: user.id, action: 'staff.grant' }).get()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorRole: 'admin', from: [], to: [{ districtCode: '320613', services: ['legalAid'] }] })

    const staffToken = await s.login('future-staff')
    const me = await s.call<UserView>('user', 'getProfile', {}, { token: staffToken })
    expect(me.body.ok && me.body.data.roles.staff).toHaveLength(1)

    const revoked = await s.call<StaffCandidate>('user', 'revokeStaff', { userId: user.id, districtCode: '320613' }, { token: admin })
    expect(revoked.body).toMatchObject({ ok: true, data: { roles: { staff: [] } } })
    const { total } = await s.runtime.db.collection('audit').where({ targetId: user.id }).count()
    expect(total).toBe(2)
  })

  it('staff and workers cannot grant roles', async () => {
    for (const openid of ['demo-staff-nantong', 'demo-rider']) {
      const token = await s.login(openid)
      const res = await s.call('user', 'grantStaff', { userId: 'x', districtCode: '320613', services: ['legalAid'] }, { token })
      expect(res.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('the seed has a worker of each occupation, staff in three districts and one admin', async () => {
    const admin = await s.login('demo-admin')
    const staff = await s.call<StaffCandidate[]>('user', 'listStaff', {}, { token: admin })
    const districts = staff.body.ok ? staff.body.data.flatMap((c) => c.roles.staff.map((g) => g.districtCode)) : []
    expect(new Set(districts)).toEqual(new Set(['320613', '320213', '320581']))
    const { data } = await s.runtime.db.collection('users').where({ 'profile.occupation': s.runtime.db.command.exists(true) }).limit(100).get()
    const occupations = new Set((data as { profile: { occupation: string } }[]).map((u) => u.profile.occupation))
    expect(occupations).toEqual(new Set(['快递员', '外卖配送员', '货车司机', '网约车司机', '网络主播', '其他']))
  })

  it('logs one line per call without personal data', async () => {
    const token = await s.login('logged-rider')
    s.logs.length = 0
    await s.call('user', 'saveProfile', validProfile(41), { token })
    expect(s.logs).toHaveLength(1)
    expect(s.logs[0]).toMatchObject({ fn: 'user', action: 'saveProfile', role: 'worker', outcome: 'ok' })
    expect(JSON.stringify(s.logs)).not.toMatch(/logged-rider|测试骑手|13812345678/)
  })
})

describe('correcting a profile', () => {
  it('keeps the ID number on file when the field is left out, and asks for it when there is none', async () => {
    const { token, user } = await readyWorker('corrector', 51)
    const { idNumber: _omit, ...rest } = validProfile(51, { platform: '饿了么' })
    const res = await s.call<UserView>('user', 'saveProfile', rest, { token })
    expect(res.body).toMatchObject({ ok: true, data: { profile: { platform: '饿了么', idNumberMasked: user.profile!.idNumberMasked } } })

    const fresh = await s.login('no-id-yet')
    const refused = await s.call('user', 'saveProfile', rest, { token: fresh })
    expect(refused.body).toMatchObject({ ok: false, error: { fields: { idNumber: '请填写身份证号' } } })
  })
})

describe('one ID number, one account, under races', () => {
  it('two accounts saving the same new number at once: exactly one wins, the other gets the field error', async () => {
    const a = await s.login('racer-a')
    const b = await s.login('racer-b')
    const [ra, rb] = await Promise.all([
      s.call('user', 'saveProfile', validProfile(61), { token: a }),
      s.call('user', 'saveProfile', validProfile(61), { token: b }),
    ])
    const wins = [ra, rb].filter((r) => r.body.ok)
    expect(wins).toHaveLength(1)
    const loser = [ra, rb].find((r) => !r.body.ok)!
    expect(loser.body).toMatchObject({ ok: false, error: { fields: { idNumber: expect.stringMatching(/已经绑定/) } } })
    const _ = s.runtime.db.command
    const { data: racers } = await s.runtime.db.collection('users').where({ openid: _.in(['racer-a', 'racer-b']) }).get()
    const claims = await s.runtime.db.collection('id_claims').where({ userId: _.in(racers.map((u) => u._id as string)) }).count()
    const owners = racers.filter((u) => u.profile)
    expect([owners.length, claims.total]).toEqual([1, 1])
  })

  it('changing to a new number releases the old one for its rightful owner', async () => {
    const first = await readyWorker('changer', 62)
    await s.call('user', 'saveProfile', validProfile(63), { token: first.token })
    const other = await s.login('rightful-owner')
    const res = await s.call('user', 'saveProfile', validProfile(62), { token: other })
    expect(res.body.ok).toBe(true)
  })
})

describe('one account saving twice at once', () => {
  it('keeps exactly one claim, the one on file, whatever the interleaving', async () => {
    const { token, user } = await readyWorker('double-saver', 71)
    const { idNumber: _keep, ...mobileOnly } = validProfile(71, { mobile: '13911112222' })
    for (const round of [72, 73, 74]) {
      await Promise.all([
        s.call('user', 'saveProfile', validProfile(round), { token }),
        s.call('user', 'saveProfile', mobileOnly, { token }),
        s.call('user', 'saveProfile', validProfile(round + 10), { token }),
      ])
      const { data: claims } = await s.runtime.db.collection('id_claims').where({ userId: user.id }).get()
      const { data: users } = await s.runtime.db.collection('users').doc(user.id).get()
      expect(claims.map((c) => c._id)).toEqual([(users[0] as { idHash: string }).idHash])
    }
  })
})
