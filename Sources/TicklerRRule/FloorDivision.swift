/// `a` divided by `b > 0`, rounded towards negative infinity.
@inline(__always)
func floorDiv<T: BinaryInteger>(_ a: T, _ b: T) -> T {
    let quotient = a / b
    return a % b < 0 ? quotient - 1 : quotient
}

/// The remainder of `a` divided by `b > 0`, in `0..<b`.
@inline(__always)
func floorMod<T: BinaryInteger>(_ a: T, _ b: T) -> T {
    let remainder = a % b
    return remainder < 0 ? remainder + b : remainder
}
