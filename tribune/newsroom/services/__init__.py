"""Every change of a manuscript's life, by area: `writing` (authors, drafts, edits, files),
`reviewing` (the approval chain), `publishing` (outlets, publications, metrics, reprints,
instructions, joint reports), `topics` (the topic pool), and `state` (the derived state and the
helpers they share). Each function: keyword-only, one transaction, permission checked inside,
audit entry in the same transaction, notifications after commit. Import from the module that
holds the function; this package re-exports nothing."""
