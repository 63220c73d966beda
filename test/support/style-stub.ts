// Jest stand-in for .scss/.css imports: styles are global side effects, nothing to assert on.
export default {}
