# Condition lexicon: phrases of ability and volition → predicates of the condition normal
# form (DESIGN.md). Format: PREDICATE: phrase | phrase   (lowercase; curly apostrophes read
# as straight). "unless X is unable and has no intention of …" and "unless X cannot and
# chooses not to …" both give UNLESS(AND(NOT_ABLE(X),NOT_WILLING(X))).
NOT_ABLE: will not be able to | won't be able to | would not be able to | is not able to | are not able to | not able to | neither able | is unable | are unable | was unable | were unable | be unable | unable | cannot | can not | can't | could not | couldn't | is not able | are not able | fails to | fail to | is incapable | lacks the capacity
NOT_WILLING: will not | won't | would not | wouldn't | is not willing | are not willing | not willing | nor willing | has no intention | have no intention | had no intention | no intention | chooses not to | choose not to | chose not to | decides not to | decide not to | declines to | decline to | refuses to | refuse to | is unwilling | are unwilling | unwilling | does not want to | do not want to | elects not to | opts not to
NOT_APPROVED: is not approved | fails to win approval | is blocked | are blocked
