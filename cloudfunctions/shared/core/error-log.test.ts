import { logFailure, redact } from './error-log'

test('redact blanks ids, paths, numbers and names, and keeps the shape of the message', () => {
  expect(redact('unsafe file-store key: "cloud://env/uploads/u_8f3a9c2e1b7d4f60a5e2/abcdefghijklmnopqrst.png"')).toBe('unsafe file-store key: "…"')
  expect(redact('no user u_8f3a9c2e1b7d4f60a5e2 for cloud://env.bucket/uploads/x')).toBe('no user … for cloud://…')
  expect(redact('bad id 32061319940312101X and phone 139 0000 1000')).toBe('bad id … and phone …')
  expect(redact('owner oABCDEFGHIJKLMNOPQRSTUVWXYZ wrote to a@b.cn')).toBe('owner … wrote to …@…')
  expect(redact('申请人周小勇的材料')).toBe('…')
  expect(redact('Cannot read properties of undefined (reading id)')).toBe('Cannot read properties of undefined (reading id)')
})

test('a failure is one JSON line without the raw message', () => {
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    logFailure('application.registerFile', new Error('unsafe file-store key: "cloud://env/uploads/u_123456789abcdef0/x.png"'))
    const line = String(write.mock.calls[0][0])
    expect(line.endsWith('\n')).toBe(true)
    const parsed = JSON.parse(line)
    expect(parsed).toMatchObject({ level: 'error', where: 'application.registerFile', error: 'Error', message: 'unsafe file-store key: "…"' })
    expect(line).not.toContain('u_123456789abcdef0')
  } finally {
    write.mockRestore()
  }
})
