"""Every change in planning, by area: `plans` (plan templates, meetings and their plans,
tasks, live key points), `activity_liaison` (activities, invited journalists, materials),
`topic_proposals` (a topic for a meeting or activity), `regular_meetings` (the regular staff
meeting and its action items), and `common` (what they share). Each function: keyword-only, one
transaction, permission checked inside, audit entry in the same transaction, notifications after
commit. Import from the module that holds the function; this package re-exports nothing."""
