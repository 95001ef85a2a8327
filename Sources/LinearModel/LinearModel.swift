// LinearModel
