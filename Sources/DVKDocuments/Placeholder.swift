import DVKCore
