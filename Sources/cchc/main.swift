import CCHCCore
print(cchcVersion)
