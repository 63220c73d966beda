import { type PropsWithChildren } from 'react'
import './app.scss'

// Pages are rendered as children; app-wide providers (session, API client) will wrap them here.
export default function App({ children }: PropsWithChildren) {
  return children
}
