declare module 'id-validator' {
  interface IdInfo {
    addrCode: string
    birth: string
    sex: 0 | 1
    length: 15 | 18
    checkBit: string
  }
  class IDValidator {
    constructor(gb2260?: unknown)
    isValid(id: string, forceType?: 15 | 18): boolean
    getInfo(id: string, forceType?: 15 | 18): IdInfo
    makeID(isFifteen?: boolean): string
  }
  export = IDValidator
}
