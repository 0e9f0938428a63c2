# Deal and contract triggers: claims with or without a figure, found from the trigger word
# outwards (its clause, its parties, the deal's term and condition, a negation or retreat).
# Grammar: extract/patterns/README.md ("Deal triggers"). Read at start-up: add a line, no
# recompiling.
#
#   phrase | phrase ...: relation; key=value; key=value
#
# A phrase is lowercase words; a trailing '*' matches any ending. Keys:
#   form=verb|noun        a verb takes its subject from the clause and its object after it; a
#                         noun ("takeover", "stake") takes its subject from a possessor
#                         ("X's takeover", "the X bid") or the clause (default noun)
#   subject=source,...    where the acting party is read, tried in order
#   counterparty=source,... where the other party is read, tried in order
#   modality=plan|considering|fact
#   polarity=ceased|negated   the trigger itself retreats ("pulled out of")
#   need=subject|counterparty|both|any   which parties must be found for a claim (default any)
# Sources: clause (the clause's subject before the trigger), possessor, object (the party
# right after the trigger), of/in/for/with/to/by/from/into (the party after that word
# following the trigger), pair (the "X and Y" before the trigger: subject X, counterparty Y),
# ofpair ("a venture of X and Y"), whereby ("an agreement under which X will ...").
#
# Word lists the reader uses (not triggers):
#   @ceased      before or after a trigger: the deal existed and ended or was withdrawn
#   @negated     before or after a trigger: the deal was refused, blocked or never made
#   @rejecters   the part of @negated said by the other side ("X rejected Y's bid"): the
#                clause's subject is then the counterparty
#   @considering / @plan   modality words in the clause before the trigger
#   @condition   opens the deal's condition, read to the next comma or the clause end
#   @term_until  "runs to", "until": the date after it ends the deal's term
#   @refer       a deal named again in a later sentence ("the merger"): linked to the
#                latest deal claim of the article a few sentences back
#   @refer_<relation>  the nouns of @refer that name one relation ("the merger" refers to a
#                merger, not to a stake); a noun in none of them ("the deal") names any deal
#   @stake_words an acquire verb whose object is a share of a company is a stake
#   @sale_objects what a seller's own sale sells ("sold its stake"): a sale with no buyer needs one
#   @asset_words an acquire verb whose object is a company's assets is a purchase
#   @not_party   capitalized words never a party (reporting words and the like)
#   @sign_verbs  an agreement these verbs sign needs no counterparty ("X signed a supply deal")

@ceased: ended | ends | end | terminated | terminates | terminate | withdrew | withdrawn | withdraw | withdraws | pulled out of | pulls out of | pull out of | walked away from | walk away from | walks away from | called off | calls off | abandoned | abandons | abandon | dropped | drops | scrapped | scraps | cancelled | canceled | cancels | broke off | broken off | expired | lapsed | end to | halted | suspended | exit | exited | get out of | lost | loses | ending | terminating | terminated its | sold its | sold | divested | sells | selling | dispose of | disposed of
@negated: rejected | rejects | reject | rejecting | turned down | turns down | turn down | refused | refuses | blocked | blocks | block | unsuccessfully | failed to | fails to | not | never | no | vetoed | vetoes | spurned | rebuffed | declined | without | banned from | opposed | against
@rejecters: rejected | rejects | reject | rejecting | turned down | turns down | turn down | spurned | rebuffed | opposed | blocked | vetoed
@considering: talks | negotiations | discussions | considering | consider | may | might | could | exploring | studying | weighing | mulling | possible | potential
@plan: will | would | plans to | plan to | planned | intends to | intend to | proposed | offered | offer | seeking | seeks | to | expected to | agreed to | set to
@condition: subject to | conditional on | conditional upon | conditioned on | conditioned upon | contingent on | contingent upon | if | provided that | pending | requires | require | unless | on condition that
@term_until: runs to | runs until | runs through | run to | run until | run through | running to | running until | lasts until | expires in | expires at | expire in | until | through | to the end of | into
@refer: the deal | the merger | the purchase | the acquisition | the takeover | the offer | the agreement | the sale | the transaction | the bid | the tender offer | the proposed agreement | the proposed merger | the proposed acquisition | the proposed sale | the proposed transaction | the proposed purchase | the proposed takeover | the buyout | the alliance | the partnership | the contract | the joint venture | the venture | the accord | the pact | the tie-up | this deal | the proposal | the definitive agreement
@refer_merger: merger | tie-up
@refer_acquire: purchase | acquisition | takeover | offer | bid | buyout
@refer_sale: sale
@refer_agreement: alliance | partnership | venture | pact | accord
@stake_words: stake | interest | holding | pct | percent | shareholding | stakes
@sale_objects: stake | stakes | interest | interests | holding | holdings | unit | units | division | divisions | subsidiary | subsidiaries | business | businesses | operations | operation | assets | shares | stock | plant | plants | arm | brand | brands | line | lines | stores | chain | company
@asset_words: assets | asset | plant | plants | operations | facilities | properties | product line
@not_party: reports | analysts | shares | sales | officials
@sign_verbs: signed | signs | sign | reached | reach | struck | strike | entered into | enter into | finalized | finalised | concluded | sealed | inked | agreed

# --- Acquisitions ---------------------------------------------------------------------------
acquire | acquires | acquired | acquiring | buy | buys | bought | buying | purchase | purchases | purchased | purchasing | take over | takes over | took over | taking over | taken over | buy out | bought out | snap up | snapped up | swallow | absorb | absorbed | take control of | took control of | taken control of | gain control of | acquire control of: acquire; form=verb; subject=clause; counterparty=object,of; need=both
acquired by | bought by | taken over by | purchased by | snapped up by | swallowed by | absorbed by | sold to: acquire; form=passive; subject=by,to; counterparty=clause; need=both
acquisition | acquisitions | takeover | take-over | buyout | buy-out | leveraged buyout | purchase | acquisition of | takeover of | purchase of | buyout of | acquisition offer: acquire; subject=possessor,by,clause; counterparty=of,for,object; need=both
bid | bids | offer | tender offer | takeover bid | takeover offer | buyout offer | buyout proposal | merger offer | merger proposal | acquisition proposal | approach | bidding | proposal to acquire | proposal to buy | offer to buy | offer to acquire: acquire; modality=plan; subject=possessor,by,from,clause; counterparty=for,to,object; need=both
bid | bids | offered | offers | offer | bid for | bidding for | made a bid for | made an offer for | tender for | tendered for: acquire; form=verb; modality=plan; subject=clause; counterparty=for,object; need=both
sale | sale of | sell | sells | sold | selling | divest | divests | divested | divesting | dispose of | disposed of | disposing of | spin off | spun off | hive off | offload | offloaded: sale; form=sale; subject=possessor,clause; counterparty=to; need=subject

# --- Mergers --------------------------------------------------------------------------------
merger | merger agreement | merger with | combination | tie-up | amalgamation: merger; subject=pair,possessor,clause; counterparty=with,of,object; need=both
merge | merged | merges | merging | combine | combined | amalgamate | amalgamated: merger; form=verb; subject=pair,clause; counterparty=with,object; need=both

# --- Stakes ---------------------------------------------------------------------------------
stake | stakes | holding | shareholding | equity stake | interest in | stake in | controlling interest | minority interest | majority interest | share in | pct interest | percent interest | pct stake | percent stake: stake; subject=possessor,clause; counterparty=in,of; need=both
owns | own | holds | hold | majority owner | largest shareholder | biggest shareholder | main shareholders | owner of | shareholder in | shareholders of | shareholder of | raised its stake in | raised his stake in | increase its stake in | built up a stake in | build up his stake in: stake; form=verb; subject=clause; counterparty=object,of,in; need=both
owned by | pct-owned by | percent-owned by | majority-owned by | wholly-owned by | -owned by: stake; form=passive; subject=by; counterparty=clause; need=both

# --- Agreements, alliances, licences, supply ---------------------------------------------
agreement | agreements | alliance | partnership | joint venture | venture | accord | pact | deal | deals | sponsorship | sponsorship deal | sponsorship agreement | standstill agreement | supply agreement | supply deal | supply contract | distribution agreement | marketing agreement | cooperation agreement | co-operation agreement | collaboration | strategic alliance | agreement in principle | letter of intent | memorandum of understanding | joint-venture: agreement; subject=pair,ofpair,possessor,clause; counterparty=with,object,whereby; need=both
team up with | teamed up with | teams up with | joined forces with | join forces with | partnered with | partner with | partners with | allied with | ally with | signed up with | jointly market | jointly develop | jointly produce: agreement; form=verb; subject=pair,clause; counterparty=object,with; need=both
agreement to provide | contract to provide | deal to provide | agreement to supply | contract to supply | deal to supply | agreement to serve | contract to serve: contract; subject=possessor,clause; counterparty=object; need=both
licence | license | licensing agreement | licensing deal | licence agreement | license agreement | licensed | licenses | licences: license; subject=possessor,clause; counterparty=from,with,to; need=both
contract | contracts | service contract | transportation contract | consultancy contract: contract; subject=possessor,clause; counterparty=with,for,from,object; need=both
hired | hires | hire | retained | appointed | commissioned: contract; form=verb; subject=object; counterparty=clause; need=both
