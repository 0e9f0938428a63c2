# Cue lexicon: phrases that set a claim's polarity, modality and condition.
# Format: category: phrase | phrase | …   (lowercase; a trailing * matches any word ending)
# Matched at word boundaries in the clause of a rule match (from the last ';' to its end).

polarity.ceased: no longer | cancels | cancelled | canceled | cancel | abolish* | terminat* | ended | ends | stopped | stops | scrapped | scraps | revoked | revokes | removes | removed | ceased | ceases | phased out | lost
polarity.negated: not | n't | never | denied | denies | deny | rejected | rejects | vetoed | vetoes | refused | without | no
polarity.continues: still | continue | continues | continued | continuing | remain | remains | remained | retain | retains | retained | retaining | maintain | maintains | maintained | maintaining

modality.considering: considering | is weighing | are weighing | weighing | mulling | exploring | is looking at | may | could | might
modality.estimate: estimated | estimates | expected to | is expected | projected | forecast* | anticipated
modality.reported: reportedly | according to | people familiar | sources said | is said to | was said to
modality.plan: will | would | plans to | plan to | planned | intends to | intend to | aims to | agreed to | is set to | are set to | is going to | promised | pledged | committed to | to invest

condition: unless | provided that | on condition that | subject to the condition | as long as | if
