package main

import "time"

func validDate(s, layout string) bool {
	_, err := time.Parse(layout, s)
	return err == nil
}
