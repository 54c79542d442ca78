"""What the tool keeps on disk: drafts as read, claims files, and the YAML they are written in.

`drafts` finds and reads drafts (`draft_text` parses one); `claims_files` reads, writes
and locks claims files; `reconcile` pairs a changed claim with its old self across
scans; `three_way` merges two branches' claims files for git; `yamlio` is the one YAML
reader and writer.
"""
