// RotaMIP
