# Openings of a paragraph that speaks for a whole part, not for the last
# chapter or item before it: the summary after a review's chapters
# (过去一年，…; 在充分肯定成绩的同时), an address to the assembly (各位代表).
# Each line is a regular expression (RE2, no capturing groups), matched at
# the start of the paragraph; file order is match order.
各位代表
过去一年[，,]
过去五年[，,]
五年来[，,]
在(?:充分)?肯定成绩的同时
同时[，,]?我们(?:也要|也)?清醒(?:地)?(?:看到|认识到)
