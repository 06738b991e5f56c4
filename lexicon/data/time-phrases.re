# Phrases that say only when (在过去四年中, 五年来, 去年全年, 1959年内): an
# indicator that is nothing but one of them names no thing, and the figure
# takes the thing its sentence named in the clause before (全国粮食总产量，在
# 过去四年中共增加了一千九百零五亿斤). Each line is a regular expression
# (RE2, no capturing groups) that must match the whole indicator.
(?:在)?(?:过去|近|这)?[一二三四五六七八九十两几\d]+年(?:来|中|间|里|内|以来)?(?:共|累计|全年)?
(?:在)?(?:今年|去年|上年|当年|本年|全年)(?:以来|内|中)?(?:共|累计)?
