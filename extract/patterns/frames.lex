# Figure frames: the trigger words that say what a money amount, a percentage or a count
# measures, and whose it is. Grammar: extract/patterns/README.md ("Figure frames").
# Frame names: the frame contract (one of acquire, merger, stake, ..., revenue, profit, ...).
#
#   phrase | phrase ...: frame; key=value; key=value
#
# A phrase is lowercase words; a trailing '*' matches any ending. Keys:
#   side=before|after|any     where the trigger stands from the figure (default any)
#   figure=money,percent,count  the figures it can govern (default all three)
#   counted=noun|noun          a count's own noun must be one of these ("cut 1,200 jobs")
#   value=word|word            the word right before the figure, when the trigger is before it
#   subject=source,source      where the owner is read, tried in order (default
#                              possessor,at,clause,sentence,article)
#   counterparty=source,...    where the other party is read (default none)
#   owner=type,type            the owner's entity types: org, person, place, government,
#                              product, unknown (a party of another kind is passed over: no
#                              owner is better than a wrong one); default any
#   modality=plan|estimate|considering
#   yield=frame               a money figure this trigger takes goes to a trigger of that
#                             frame in the same clause ("its bid for X to 110 dlrs per share")
# Sources: possessor ("X's profits", "X profits"), object (the party right after the
# trigger), at/of/in/for/from/to/by/with/on (the party after that word following the
# trigger), clause (the clause's subject), sentence (the sentence's first subject),
# article (the article's lead organisation), trigger (the trigger word itself: "the dollar"),
# economy (the place named in the trigger's clause nearest to it, else an @economies word).
#
# Word lists the chooser reads (not triggers):
#   @rise / @fall      change verbs before a percentage: the figure is a change (change=up/down)
#   @earlier           words after or before a figure that make it the earlier period's
#   @not_owner         capitalized words never an owner (nationalities, months)
#   @descriptor        a name right before one of these words modifies it ("the US firm
#                      agreed"): it is not the clause's subject
#   @subsidiary        a part of a company ("the unit had sales of ..."): as a clause's
#                      subject it owns the figure, and its parent does not; the owner is
#                      left empty unless the text names the part
#   @other_party       a noun that names a party other than the article's company ("the club",
#                      "prosecutors", "the industry"): as a clause's subject with no name in
#                      its phrase, it leaves the owner empty (an industry's figure has none)
#   @measures          frames that measure one party over a period (revenue, profit, ...):
#                      their claims carry measure=yes and reconcile keys them by owner and
#                      period; the others are relations between parties (acquire, stake, ...)
#   @economies         "words = Name": a demonym or region word that names an economy
#                      ("the German economy" → Germany); the `economy` source reads them
#   @money_nouns       a count of these is read as money ("40 mln dlrs" before the money
#                      recognizer reads wire notation)

@rise: rose | rise | rises | rising | risen | up | jumped | jump | jumps | climbed | climb | climbs | grew | grow | grows | growing | increased | increase | increases | gained | gain | gains | surged | soared | leapt | leaped | boosted | raised | higher | improved | advanced | rebounded
@fall: fell | fall | falls | falling | fallen | down | dropped | drop | drops | declined | decline | declines | slumped | slumps | slipped | slid | plunged | tumbled | lost | lower | decreased | eased | shrank | sank | dipped | cut | off
@earlier: year-earlier | year-ago | a year earlier | a year ago | last year | the previous year | a year before | vs | versus | compared with | compared to | against | from
@not_owner: middle eastern | latin american | american | british | chinese | japanese | german | french | italian | spanish | russian | indian | european | asian | african | canadian | australian | dutch | swiss | swedish | korean | brazilian | mexican | irish | scottish | welsh | english | belgian | danish | norwegian | finnish | austrian | greek | polish | turkish | israeli | arab | saudi | iranian | iraqi | egyptian | argentine | argentinian | chilean | venezuelan | nigerian | south african | taiwanese | singaporean | malaysian | indonesian | thai | vietnamese | filipino | pakistani | portuguese | hungarian | czech | ukrainian | western | eastern | january | february | march | april | may | june | july | august | september | october | november | december | monday | tuesday | wednesday | thursday | friday | saturday | sunday | reports | analysts | shares | sales | profits | earnings | investors | officials | oper | shr | net | revs | avg | qtr | mths | quarterly | annual | one | two | three | four | five | six | seven | eight | nine | ten
@descriptor: firm | company | group | giant | bank | carrier | maker | makers | retailer | government | operator | conglomerate | airline | insurer | lender | producer | manufacturer | chain | regulator | carmaker | unit | subsidiary | media | telecoms | oil | steel | drinks | food | software | mobile | internet | tobacco | car | firms | companies | banks | airlines | economy | consumers | shoppers | investors | officials
@subsidiary: unit | units | subsidiary | subsidiaries | division | divisions | arm | affiliate | affiliates | offshoot | plant | plants | branch | branches
@other_party: club | clubs | team | teams | prosecutors | prosecutor | economists | economist | analysts | analyst | regulators | regulator | unions | union | rivals | rival | competitors | competitor | industry | industries | sector | sectors | consortium | buyers | buyer | bidder | bidders | suitor | suitors | creditors | lenders | shareholders | investors | consumers | shoppers | households | exporters | importers | farmers | workers | court | judge | jury | police | ministry | minister | treasury | authorities
@measures: revenue | profit | loss | eps | dividend | valuation | market_value | share_price | budget | debt | job_cuts | jobs | market_share | cost | assets | deficit | surplus | gdp | inflation | interest_rate | unemployment | exchange_rate | price | tax | sales_volume | pay | pension | reserves | forecast_other | other
@economies: american = US | british = UK | german = Germany | french = France | italian = Italy | spanish = Spain | japanese = Japan | chinese = China | russian = Russia | indian = India | canadian = Canada | australian = Australia | dutch = Netherlands | swiss = Switzerland | swedish = Sweden | south korean = South Korea | korean = South Korea | brazilian = Brazil | mexican = Mexico | irish = Ireland | belgian = Belgium | danish = Denmark | norwegian = Norway | finnish = Finland | austrian = Austria | greek = Greece | polish = Poland | turkish = Turkey | israeli = Israel | saudi = Saudi Arabia | egyptian = Egypt | argentine = Argentina | argentinian = Argentina | chilean = Chile | venezuelan = Venezuela | nigerian = Nigeria | south african = South Africa | taiwanese = Taiwan | singaporean = Singapore | malaysian = Malaysia | indonesian = Indonesia | thai = Thailand | vietnamese = Vietnam | filipino = Philippines | pakistani = Pakistan | portuguese = Portugal | hungarian = Hungary | czech = Czech Republic | ukrainian = Ukraine | eurozone = eurozone | euro zone = eurozone | euro-zone = eurozone | euro area = eurozone
@money_nouns: dlrs | cts | cents | stg | pesos | marks | francs | yen | lire | guilders | crowns | pounds | dollars | euros | rupees | rand | schillings

# --- Measures of one party -------------------------------------------------------------
# Results shorthand of wire stories ("Shr 43 cts vs 49 cts", "Net 5.5 mln vs 4.0 mln").
shr | shr loss | shr profit | primary shr | fully diluted shr | diluted shr: eps; side=before; figure=money; owner=org,person,government,unknown
net | oper net | net profit: profit; side=before; figure=money; value=net|profit; owner=org,person,government,unknown
net loss | oper net loss: loss; side=before; figure=money; value=loss; owner=org,person,government,unknown
revs | oper revs | revenues: revenue; side=before; figure=money; value=revs|revenues; owner=org,person,government,unknown
earnings per share | per share earnings | eps: eps; figure=money; owner=org,person,government,unknown
a share | per share | shr | a shr | each | apiece: eps; figure=money; side=after; rank=2.5; owner=org,person,government,unknown; yield=acquire
profit | profits | net profit | net profits | net income | earnings | pre-tax profit | pre-tax profits | pretax profit | pretax profits | pre-tax | pretax | operating profit | operating profits | operating income | underlying profit | underlying profits | net earnings | income | ebitda | ebit | surplus before tax | net earned | made a profit | earned | earn | earns | earning | profit before tax | pretax income | pre-tax income | income before taxes: profit; figure=money,percent; owner=org,person,government,unknown
loss | losses | net loss | net losses | pre-tax loss | pre-tax losses | operating loss | deficit before tax | in the red | loss-making: loss; figure=money,percent; owner=org,person,government,unknown
sales | revenue | revenues | turnover | takings | billings | income from sales | operating revenues | net sales | like-for-like sales | retail sales | order intake: revenue; figure=money,percent; owner=org,person,government,unknown
dividend | dividends | payout | pay-out | dividend of | cash dividend | quarterly dividend | special dividend: dividend; figure=money,percent; owner=org,person,government,unknown
valued at | valuing | valuation | valued: valuation; figure=money; side=before; owner=org,person,government,unknown
market value | market capitalisation | market capitalization | market cap | stock market value: market_value; figure=money; owner=org,person,government,unknown
shares | stock | stocks | share price | shares rose | its shares | shares in | shares of | share prices | stock price | closed at | closed | trading at | traded at | quoted at: share_price; figure=money,percent; subject=possessor,object,in,of,clause,sentence,article; owner=org,person,government,unknown; yield=acquire
budget | budgets: budget; figure=money,percent
debt | debts | borrowings | liabilities | indebtedness | owes | owed: debt; figure=money,percent
market share | share of the market | share of the | of the market: market_share; figure=percent
cost | costs | spending | spend | spent | charge | charges | write-off | write-offs | writedown | writedowns | write-down | write-downs | expenses | expenditure | provision | provisions | outlay | capital spending | investment programme: cost; figure=money,percent
assets | asset | holdings | funds under management | deposits: assets; figure=money
reserves | cash pile | cash reserves | foreign exchange reserves | gold reserves | cash holdings: reserves; figure=money
pension | pensions | pension fund | pension deficit | pension scheme: pension; figure=money,percent
salary | salaries | wages | wage | bonus | bonuses | pay rise | pay rises | pay deal | pay packet | pay offer | remuneration | compensation package | executive pay: pay; figure=money,percent
tax | taxes | taxation | tax bill | vat | duty | duties | levy | tariff | tariffs: tax; figure=money,percent
price | prices | priced at | fare | fares | house prices | oil prices | oil | crude | petrol | gold: price; figure=money,percent; subject=possessor,of,clause; yield=acquire
margin | margins | operating margin | operating margins | profit margin | profit margins | gross margin | gross margins: profit; figure=percent; owner=org,person,government,unknown
# Buying back one's own shares: the money spent is the company's own measure, not an acquisition.
buy back | buys back | bought back | buying back | buyback | buy-back | share buyback | repurchase | repurchases | repurchased | repurchasing | share repurchase: other; figure=money; subject=clause,sentence
forecast | forecasts | target | guidance | outlook: forecast_other; figure=money,percent; modality=estimate
deficit | trade deficit | budget deficit | current account deficit | shortfall: deficit; figure=money,percent; subject=possessor,in,of,clause,sentence,economy; owner=place
surplus | trade surplus | budget surplus | current account surplus: surplus; figure=money,percent; subject=possessor,in,of,clause,sentence,economy; owner=place
# Economies: the owner is the country, usually written before the trigger or after "in", or
# named by a word ("the German economy", "eurozone": @economies). The forecaster, the agency
# that reports the figure and the minister quoted are not owners (owner=place passes them over).
gdp | economy | economic growth | gross domestic product | recession | growth rate | economic output: gdp; figure=percent,money; subject=possessor,in,of,clause,sentence,economy; owner=place
growth | expansion | contraction: gdp; figure=percent; rank=1; subject=possessor,in,of,clause,sentence,economy; owner=place
inflation | consumer prices | prices index | cpi | retail price index | rpi | price growth: inflation; figure=percent; subject=possessor,in,of,clause,sentence,economy; owner=place
interest rates | interest rate | rates | base rate | lending rate | borrowing costs | key rate | discount rate | prime rate | repo rate | yield | yields | coupon | interest: interest_rate; figure=percent; subject=possessor,in,of,clause,sentence,economy; owner=place,government
unemployment | jobless rate | jobless | unemployment rate | out of work | claimant count: unemployment; figure=percent,count; subject=possessor,in,of,clause,sentence,economy; owner=place
dollar | euro | pound | sterling | yen | yuan | renminbi | currency | the dollar | the euro | the pound | exchange rate: exchange_rate; figure=percent; side=before; subject=trigger
# A currency's level in another one ("the dollar reached $1.2871 against the euro").
dollar | euro | pound | sterling | yen | yuan | renminbi | the dollar | the euro | the pound | the yen | the greenback: exchange_rate; figure=money; side=before; value=reached|at|to|hit|of|from; subject=trigger
deliveries | passengers | subscribers | customers | users | visitors | units | cars | vehicles | barrels | tonnes | tons | copies | production | volume | volumes | traffic | output | shipments | handsets | phones | computers | homes | houses | flights | accounts | members | viewers | listeners | readers | consoles | bottles | cases: sales_volume; figure=count,percent
# Counts by their own noun: "1,200 jobs", "500,000 shares".
jobs | staff | workers | employees | people | workforce | posts | positions | headcount | roles | jobs.: jobs; figure=count,percent
cut | cuts | cutting | axe | axed | axing | shed | sheds | shedding | slash | slashed | slashing | lose | losing | eliminate | eliminated | lay off | laid off | laying off | redundancies | redundant | layoffs | job cuts | job losses | lay-offs: job_cuts; figure=count; side=before; counted=jobs|posts|positions|staff|workers|employees|people|roles|jobs.|redundancies
redundancies | layoffs | lay-offs | job cuts | job losses: job_cuts; figure=count; side=after

# --- Relations between parties ---------------------------------------------------------
acquire | acquires | acquired | acquiring | buy | buys | bought | buying | take over | takes over | took over | taking over | purchase of | acquisition of | buy-out of: acquire; side=before; figure=money; value=for|at|in|worth|about|around|some; subject=clause,sentence; counterparty=object,of
takeover | acquisition | buyout | buy-out | takeover bid | takeover offer | purchase | deal to buy: acquire; figure=money; subject=possessor,clause,sentence; counterparty=of,for
bid | bids | offer | offers | offered | bidding | tender offer | approach: acquire; figure=money,percent; modality=plan; subject=possessor,clause,sentence; counterparty=for,object
sold | sell | sells | selling | sale of | disposal of | divest | divested | divestiture | disposal | sale: sale; figure=money; subject=clause,sentence; counterparty=to; yield=acquire
merger | merge | merged | merging | combination | tie-up: merger; figure=money; subject=clause,sentence; counterparty=with
stake | stakes | share in | holding | holdings | interest in | ownership | ownership in | controlling interest | equity stake | shareholding | stake in: stake; figure=percent,money; subject=possessor,clause,sentence; counterparty=in,of
owns | own | owned | holds | hold | held | controls | control | controlled: stake; figure=percent; value=owns|own|owned|holds|hold|held|controls|control|controlled; subject=clause,sentence; counterparty=of,in,object
shares: stake; figure=count; side=after; subject=clause,sentence; counterparty=of,in
# A percentage in apposition to a share count ("N shares, or X pct of the company") is the
# part of the company those shares are: a stake, with the count's holder and company.
shares | stock | common shares | common stock: stake; figure=percent; side=before; value=or; rank=-1.5; subject=clause,sentence; counterparty=of,in,possessor
invest | invests | invested | investing | investment | investments | inject | injected | injection: invest; figure=money; subject=possessor,clause,sentence,by; counterparty=in,into
raised | raise | raises | raising | funding | financing | fund-raising | rights issue | bond issue | share issue | placing | flotation | ipo | listing | capital increase | issued: funding; figure=money; subject=clause,sentence; counterparty=from,by
loan | loans | credit | credit line | credit facility | bail-out | bailout | rescue package | lent | lend | lending | borrow | borrowed | borrowing | financing package: loan; figure=money; subject=possessor,clause,sentence,to; counterparty=from,by
contract | contracts | order | orders | deal | deals | agreement | won a | tender: contract; figure=money; subject=possessor,clause,sentence; counterparty=with,from,for
fine | fines | fined | penalty | penalties | settlement | settle | settled | settling | damages | compensation | payout to | sanction: fine; figure=money; subject=clause,possessor,sentence; counterparty=by,to,with
pay | pays | paid | paying | payment | payments | fee | fees | royalty | royalties | subsidy | subsidies | aid | grant | grants | handed | refund | refunds: payment; figure=money; subject=clause,sentence; counterparty=to,object; yield=acquire
# Money received: the party after "from" pays it ("X is to receive a payment from Y of £24.5m").
payment from | payments from | compensation from | fee from | fees from | payout from | receive a payment from | received a payment from: payment; figure=money; subject=from; counterparty=clause
licence | license | licence fee | license fee | licensing: license; figure=money; subject=clause,sentence; counterparty=from
