"""The console: the screens of the people at work (the information centre's agents, the
supervisors, the partner points, finance), server-rendered, calling the four services with
the signed-in person's own token. It owns no business data: its only tables are its sessions
and its one-time sign-in links."""
