"""Sign-off: the review rules, the recorded decisions, and how the gate trusts them.

`rules` decides what a claim's review history means (statuses, fingerprints, who may
sign); `record` writes an editor's decision as one git commit; `provenance` and
`sshsig` let the gate verify who made each decision.
"""
